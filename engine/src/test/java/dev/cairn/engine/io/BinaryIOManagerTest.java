package dev.cairn.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.NotSerializableException;
import java.io.Serializable;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.api.IOManager;
import dev.cairn.api.IOManagers;
import dev.cairn.api.InputContext;
import dev.cairn.api.Materialization;
import dev.cairn.api.MetadataValue;
import dev.cairn.api.OutputContext;

class BinaryIOManagerTest {

    @TempDir
    Path base;

    /** A value JSON could not round-trip: a cyclic graph of objects. */
    public static final class Node implements Serializable {
        private static final long serialVersionUID = 1L;
        final String name;
        Node next;

        Node(String name) {
            this.name = name;
        }
    }

    private static final class Output implements OutputContext {
        final Map<String, MetadataValue> metadata = new LinkedHashMap<>();
        String hash;

        @Override public String assetKey() { return "models/graph"; }
        @Override public Optional<String> partitionKey() { return Optional.empty(); }
        @Override public String runId() { return "run"; }
        @Override public Type valueType() { return Node.class; }
        @Override public void addMetadata(String k, MetadataValue v) { metadata.put(k, v); }
        @Override public void reportContentHash(String h) { hash = h; }
        @Override public Optional<Materialization> previous() { return Optional.empty(); }
    }

    private record Input(String assetKey, Type expectedType) implements InputContext {
        @Override public Optional<String> partitionKey() { return Optional.empty(); }
        @Override public String downstreamKey() { return "reader"; }
        @Override public Optional<Materialization> upstreamMaterialization() { return Optional.empty(); }
    }

    @Test
    void roundTripsAnObjectGraphAndReportsPathSizeAndHash() throws Exception {
        IOManager io = IOManagers.binary(base);
        Node a = new Node("a");
        Node b = new Node("b");
        a.next = b;
        b.next = a;
        Output out = new Output();

        io.handleOutput(out, a);

        Path file = base.resolve("models").resolve("graph.bin");
        assertThat(out.metadata).containsEntry("path", MetadataValue.path(file))
                .containsEntry("size_bytes", MetadataValue.of(Files.size(file)));
        assertThat(out.hash).hasSize(64);
        Node read = (Node) io.loadInput(new Input("models/graph", Node.class));
        assertThat(read.name).isEqualTo("a");
        assertThat(read.next.next).isSameAs(read);

        Output again = new Output();
        io.handleOutput(again, a);
        assertThat(again.hash).isEqualTo(out.hash);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aValueThatCannotBeSerializedFailsClearlyAndLeavesTheOldFile() throws Exception {
        IOManager io = IOManagers.binary(base);
        io.handleOutput(new Output(), List.of("kept"));
        assertThatThrownBy(() -> io.handleOutput(new Output(), List.of(new Object())))
                .isInstanceOf(NotSerializableException.class)
                .hasMessageContaining("asset 'models/graph'").hasMessageContaining("java.lang.Object");
        assertThat(io.loadInput(new Input("models/graph", List.class))).isEqualTo(List.of("kept"));
    }

    @Test
    void readingAValueNeverStoredSaysWhatToMaterialize() {
        assertThatThrownBy(() -> IOManagers.binary(base).loadInput(new Input("missing", String.class)))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("materialize 'missing' first");
    }
}
