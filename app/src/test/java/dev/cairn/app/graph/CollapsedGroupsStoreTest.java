package dev.cairn.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollapsedGroupsStoreTest {

    @TempDir
    Path dir;

    @Test
    void eachJarKeepsItsGroupsAndOnlyTheRecentJarsAreKept() throws Exception {
        CollapsedGroupsStore store = new CollapsedGroupsStore(dir.resolve("collapsed-groups.json"));
        store.save(dir.resolve("a.jar"), Set.of("ingest"));
        store.save(dir.resolve("b.jar"), Set.of("reports", "ml"));
        assertThat(store.load(dir.resolve("a.jar"))).containsExactly("ingest");
        assertThat(store.load(dir.resolve("b.jar"))).containsExactlyInAnyOrder("reports", "ml");

        store.save(dir.resolve("a.jar"), Set.of());
        assertThat(store.load(dir.resolve("a.jar"))).isEmpty();

        for (int i = 0; i < CollapsedGroupsStore.MAX_JARS; i++) {
            store.save(dir.resolve("jar" + i + ".jar"), Set.of("g"));
        }
        assertThat(store.load(dir.resolve("b.jar"))).as("the oldest jar is forgotten").isEmpty();
        assertThat(store.load(dir.resolve("jar0.jar"))).containsExactly("g");
    }

    @Test
    void aDamagedFileMeansNothingIsCollapsedAndIsReplacedOnTheNextSave() throws Exception {
        Path file = dir.resolve("collapsed-groups.json");
        Files.writeString(file, "{not json");
        CollapsedGroupsStore store = new CollapsedGroupsStore(file);
        assertThat(store.load(dir.resolve("a.jar"))).isEmpty();
        store.save(dir.resolve("a.jar"), Set.of("ingest"));
        assertThat(store.load(dir.resolve("a.jar"))).containsExactly("ingest");
    }
}
