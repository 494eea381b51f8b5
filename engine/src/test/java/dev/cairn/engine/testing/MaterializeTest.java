package dev.cairn.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.api.Asset;
import dev.cairn.api.AssetContext;
import dev.cairn.api.Materialization;
import dev.cairn.api.Materialize;
import dev.cairn.api.MaterializeResult;
import dev.cairn.api.MetadataValue;
import dev.cairn.api.Output;
import dev.cairn.api.RunEvent;
import dev.cairn.engine.definitions.InvalidDefinitionsException;
import dev.cairn.engine.execution.PlanningException;
import dev.cairn.engine.io.FilesystemIOManager;

class MaterializeTest {

    /** A fake of an external service, as a user would write one for a test. */
    public record FakeClient(List<Long> ids) { }

    public static class Stories {
        @Asset(group = "hackernews", codeVersion = "1")
        public static List<Long> topstoryIds(FakeClient client) {
            return client.ids();
        }

        @Asset(group = "hackernews", codeVersion = "1")
        public static Output<List<String>> topstories(AssetContext ctx, List<Long> topstoryIds) {
            ctx.log().info("fetched {} stories", topstoryIds.size());
            List<String> titles = topstoryIds.stream().map(id -> "story " + id).toList();
            return Output.of(titles).withMetadata("count", MetadataValue.of(titles.size()));
        }
    }

    public static class WordCount {
        @Asset
        public static Map<String, Long> wordCounts(List<String> titles) {
            return titles.stream().flatMap(t -> List.of(t.split(" ")).stream())
                    .collect(Collectors.groupingBy(w -> w, Collectors.counting()));
        }
    }

    public static class Broken {
        @Asset
        public static String explodes(AssetContext ctx) {
            ctx.log().warn("about to fail");
            throw new IllegalArgumentException("bad input row 7");
        }

        @Asset
        public static String dependsOnExplodes(String explodes) {
            return explodes;
        }
    }

    public static class Invalid {
        @Asset
        public static String needsMissing(String nowhere) {
            return nowhere;
        }

        @Asset
        static String notPublic() {
            return "";
        }
    }

    @Test
    void materializesAssetsWithFakeResources() {
        MaterializeResult result = Materialize.assets(Stories.class)
                .resource("hn", new FakeClient(List.of(3L, 5L)))
                .run();

        assertThat(result.success()).isTrue();
        assertThat(result.output("topstoryIds", List.class)).isEqualTo(List.of(3L, 5L));
        assertThat(result.output("topstories", List.class)).isEqualTo(List.of("story 3", "story 5"));
        Materialization m = result.materialization("topstories").orElseThrow();
        assertThat(m.metadata()).containsEntry("count", MetadataValue.of(2));
        assertThat(m.codeVersion()).isEqualTo("1");
        assertThat(result.logs("topstories")).containsExactly("fetched 2 stories");
        assertThat(result.failure("topstories")).isEmpty();
        List<RunEvent> events = result.events();
        assertThat(events.get(0).type()).isEqualTo("RUN_STARTED");
        assertThat(events.get(events.size() - 1).type()).isEqualTo("RUN_SUCCESS");
        assertThat(events).filteredOn(e -> "ASSET_MATERIALIZATION".equals(e.type())).extracting(RunEvent::assetKey)
                .containsExactly("topstoryIds", "topstories");
    }

    @Test
    void upstreamValuesAreBoundByName() {
        MaterializeResult result = Materialize.assets(WordCount.class)
                .upstreamValue("titles", List.of("a b", "b c"))
                .run();

        assertThat(result.success()).isTrue();
        assertThat(result.output("wordCounts", Map.class)).isEqualTo(Map.of("a", 1L, "b", 2L, "c", 1L));
        assertThat(result.output("titles")).isEmpty();
    }

    @Test
    void aSelectionRunsOnlyPartOfTheAssets() {
        MaterializeResult result = Materialize.assets(Stories.class)
                .resource("hn", new FakeClient(List.of(1L)))
                .select("topstoryIds")
                .run();

        assertThat(result.success()).isTrue();
        assertThat(result.output("topstoryIds")).isPresent();
        assertThat(result.materialization("topstories")).isEmpty();
    }

    @Test
    void anUnselectedUpstreamThatWasNeverMaterializedStopsTheRun() {
        assertThatThrownBy(() -> Materialize.assets(Stories.class)
                .resource("hn", new FakeClient(List.of(1L)))
                .select("topstories")
                .run())
                .isInstanceOf(PlanningException.class)
                .hasMessageContaining("'topstoryIds'");
    }

    @Test
    void failuresCarryTheStackTraceAndLogs() {
        MaterializeResult result = Materialize.assets(Broken.class).run();

        assertThat(result.success()).isFalse();
        assertThat(result.failure("explodes")).hasValueSatisfying(trace -> assertThat(trace)
                .contains("IllegalArgumentException: bad input row 7").contains("Broken.explodes"));
        assertThat(result.logs("explodes")).containsExactly("about to fail");
        assertThat(result.events()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("STEP_SKIPPED");
            assertThat(e.assetKey()).isEqualTo("dependsOnExplodes");
        });
        assertThatThrownBy(() -> result.output("explodes", String.class)).hasMessageContaining("bad input row 7");
    }

    @Test
    void invalidDefinitionsListEveryProblem() {
        assertThatThrownBy(() -> Materialize.assets(Invalid.class).run())
                .isInstanceOf(InvalidDefinitionsException.class)
                .satisfies(e -> assertThat(((InvalidDefinitionsException) e).problems()).hasSizeGreaterThanOrEqualTo(2))
                .hasMessageContaining("nowhere")
                .hasMessageContaining("must be public");
    }

    @Test
    void aGivenIOManagerReplacesTheInMemoryOne(@TempDir Path dir) {
        MaterializeResult result = Materialize.assets(Stories.class)
                .resource("hn", new FakeClient(List.of(8L)))
                .ioManager("io_manager", new FilesystemIOManager(dir))
                .run();

        assertThat(result.success()).isTrue();
        assertThat(dir.resolve("topstories.json")).exists();
        assertThat(result.materialization("topstories").orElseThrow().metadata()).containsKey("size_bytes");
        assertThat(result.output("topstories", List.class)).isEqualTo(List.of("story 8"));
    }
}
