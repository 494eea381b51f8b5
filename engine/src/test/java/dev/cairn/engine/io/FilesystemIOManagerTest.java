package dev.cairn.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.api.InputContext;
import dev.cairn.api.Materialization;
import dev.cairn.api.MetadataValue;
import dev.cairn.api.OutputContext;
import dev.cairn.engine.execution.DataVersions;

class FilesystemIOManagerTest {

    @TempDir
    Path base;

    public record Story(long id, String title, Instant postedAt, LocalDate day, List<String> tags) { }

    /** A value Jackson cannot write: its getter throws. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("cannot serialize me");
        }
    }

    private static final class Output implements OutputContext {
        final String key;
        final Map<String, MetadataValue> metadata = new LinkedHashMap<>();
        String hash;

        Output(String key) {
            this.key = key;
        }

        @Override public String assetKey() { return key; }
        @Override public Optional<String> partitionKey() { return Optional.empty(); }
        @Override public String runId() { return "run"; }
        @Override public Type valueType() { return Object.class; }
        @Override public void addMetadata(String k, MetadataValue v) { metadata.put(k, v); }
        @Override public void reportContentHash(String h) { hash = h; }
        @Override public Optional<Materialization> previous() { return Optional.empty(); }
    }

    private record Input(String assetKey, Type expectedType) implements InputContext {
        @Override public Optional<String> partitionKey() { return Optional.empty(); }
        @Override public String downstreamKey() { return "reader"; }
        @Override public Optional<Materialization> upstreamMaterialization() { return Optional.empty(); }
    }

    /** Declares the type {@code List<Story>} for reflection, as a downstream parameter would. */
    @SuppressWarnings("unused")
    private static void declares(List<Story> stories) {
    }

    private static Type listOfStories() throws NoSuchMethodException {
        return FilesystemIOManagerTest.class.getDeclaredMethod("declares", List.class).getGenericParameterTypes()[0];
    }

    @Test
    void roundTripsAGenericListOfRecordsAndRecordsPathSizeAndHash() throws Exception {
        FilesystemIOManager io = new FilesystemIOManager(base);
        List<Story> stories = List.of(
                new Story(1, "Cairn", Instant.parse("2024-05-01T10:15:30Z"), LocalDate.of(2024, 5, 1), List.of("java")),
                new Story(2, "H2", Instant.parse("2024-05-02T08:00:00.123Z"), LocalDate.of(2024, 5, 2), List.of()));
        Output out = new Output("hackernews/top.stories");

        io.handleOutput(out, stories);

        Path file = base.resolve("hackernews").resolve("top.stories.json");
        assertThat(file).exists();
        assertThat(out.metadata).containsEntry("path", MetadataValue.path(file))
                .containsEntry("size_bytes", MetadataValue.of(Files.size(file)));
        assertThat(out.hash).isEqualTo(HexFormat.of().formatHex(DataVersions.sha256().digest(Files.readAllBytes(file))));
        assertThat(Files.readString(file)).contains("\"2024-05-01T10:15:30Z\"").contains("\"2024-05-01\"");

        Object back = io.loadInput(new Input("hackernews/top.stories", listOfStories()));
        assertThat(back).isEqualTo(stories);
        assertThat(((List<?>) back).get(0)).isInstanceOf(Story.class);
    }

    @Test
    void identicalValuesHaveIdenticalHashes() throws Exception {
        FilesystemIOManager io = new FilesystemIOManager(base);
        Output first = new Output("a");
        Output second = new Output("a");
        Output different = new Output("a");

        io.handleOutput(first, Map.of("x", 1));
        io.handleOutput(second, Map.of("x", 1));
        io.handleOutput(different, Map.of("x", 2));

        assertThat(second.hash).isEqualTo(first.hash);
        assertThat(different.hash).isNotEqualTo(first.hash);
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws Exception {
        FilesystemIOManager io = new FilesystemIOManager(base);
        io.handleOutput(new Output("kept"), List.of("old"));
        Path file = base.resolve("kept.json");
        String before = Files.readString(file);

        assertThatThrownBy(() -> io.handleOutput(new Output("kept"), new Unwritable()))
                .hasMessageContaining("cannot serialize me");

        assertThat(Files.readString(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(base)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void replacingAValueLeavesOnlyTheNewFile() throws Exception {
        FilesystemIOManager io = new FilesystemIOManager(base);
        io.handleOutput(new Output("v"), "old");
        io.handleOutput(new Output("v"), "new");

        assertThat(io.loadInput(new Input("v", String.class))).isEqualTo("new");
        try (Stream<Path> files = Files.list(base)) {
            assertThat(files).containsExactly(base.resolve("v.json"));
        }
    }

    @Test
    void loadingAMissingValueNamesTheAssetAndThePath() {
        FilesystemIOManager io = new FilesystemIOManager(base);

        assertThatThrownBy(() -> io.loadInput(new Input("never/written", String.class)))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("'never/written'")
                .hasMessageContaining(base.resolve("never").resolve("written.json").toString());
    }

    @Test
    void aValueOfTheWrongShapeGetsAClearError() throws Exception {
        FilesystemIOManager io = new FilesystemIOManager(base);
        io.handleOutput(new Output("text"), "not a list");

        assertThatThrownBy(() -> io.loadInput(new Input("text", listOfStories())))
                .hasMessageContaining("'text'")
                .hasMessageContaining("List<");
    }

    @Test
    void keysCannotEscapeTheBaseFolder() {
        FilesystemIOManager io = new FilesystemIOManager(base);

        for (String key : List.of("../outside", "a/../../b", "a//b", "/abs", "a/.", "trailing/")) {
            assertThatThrownBy(() -> io.handleOutput(new Output(key), "x"))
                    .as(key).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(key);
        }
        assertThat(io.pathOf("a.b/c-d_e", Optional.empty())).isEqualTo(base.resolve("a.b").resolve("c-d_e.json"));
        assertThat(io.pathOf("daily", Optional.of("2024-05-01"))).isEqualTo(base.resolve("daily").resolve("2024-05-01.json"));
    }
}
