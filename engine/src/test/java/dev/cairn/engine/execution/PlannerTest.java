package dev.cairn.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cairn.api.Asset;
import dev.cairn.api.SourceAsset;
import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.storage.memory.InMemoryEventLog;

class PlannerTest {

    public static class Graph {
        @Asset
        public static String raw(String feed, String archive) {
            return feed + archive;
        }

        @Asset
        public static String clean(String raw) {
            return raw;
        }

        @Asset(deps = {"raw"})
        public static void report(String clean) {
        }
    }

    private final LoadedDefinitions defs = TestDefinitions.of(Graph.class)
            .source(SourceAsset.of("feed").observedBy(ctx -> "v"))
            .source(SourceAsset.of("archive"))
            .build();

    @Test
    void plansStepsInTopologicalOrderWithTheirUpstreamsInThePlan() {
        ExecutionPlan plan = new Planner(defs.requireGraph(), new InMemoryEventLog())
                .plan(Set.of("report", "clean", "raw", "feed", "archive"));

        assertThat(plan.steps()).containsExactly(
                new ExecutionPlan.Step("feed", ExecutionPlan.Kind.OBSERVE, List.of()),
                new ExecutionPlan.Step("raw", ExecutionPlan.Kind.MATERIALIZE, List.of("feed")),
                new ExecutionPlan.Step("clean", ExecutionPlan.Kind.MATERIALIZE, List.of("raw")),
                new ExecutionPlan.Step("report", ExecutionPlan.Kind.MATERIALIZE, List.of("clean", "raw")));
        // A source without observer has nothing to run: it is read from storage.
        assertThat(plan.externalUpstreams()).containsExactly("archive");
    }

    @Test
    void sourceAssetsNeverNeedToHaveBeenMaterialized() {
        ExecutionPlan plan = new Planner(defs.requireGraph(), new InMemoryEventLog()).plan(Set.of("raw"));

        assertThat(plan.assetKeys()).containsExactly("raw");
        assertThat(plan.externalUpstreams()).containsExactlyInAnyOrder("feed", "archive");
    }

    @Test
    void rejectsUnknownKeysAndSelectionsWithNothingToRun() {
        Planner planner = new Planner(defs.requireGraph(), new InMemoryEventLog());

        assertThatThrownBy(() -> planner.plan(Set.of("nope"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nope'");
        assertThatThrownBy(() -> planner.plan(Set.of("archive"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing to run");
    }

    @Test
    void theExecutorRejectsAPlanThatRunsAStepBeforeItsUpstream() {
        try (InMemoryEventLog log = new InMemoryEventLog()) {
            ExecutionPlan backwards = new ExecutionPlan(List.of(
                    new ExecutionPlan.Step("clean", ExecutionPlan.Kind.MATERIALIZE, List.of("raw")),
                    new ExecutionPlan.Step("raw", ExecutionPlan.Kind.MATERIALIZE, List.of())), Set.of("feed", "archive"));

            assertThatThrownBy(() -> new RunExecutor(defs, log).start(backwards, RunOptions.defaults("x"), List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before its upstream 'raw'");
            assertThat(log.runs(null, 10)).isEmpty();
        }
    }
}
