package dev.cairn.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cairn.app.graph.model.NodeBadge;
import dev.cairn.app.graph.model.NodeStatus;
import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.ParameterBinding;
import dev.cairn.engine.definitions.RetrySpec;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.staleness.AssetState;
import dev.cairn.engine.staleness.AssetStatus;
import dev.cairn.engine.staleness.RecordedVersions;
import dev.cairn.engine.staleness.StaleCause;
import dev.cairn.engine.staleness.StalenessCalculator;
import dev.cairn.engine.staleness.StalenessReport;
import dev.cairn.engine.storage.FailureRecord;
import dev.cairn.engine.storage.MaterializationRecord;

class NodeStatusesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Instant TEN_MIN_AGO = NOW.minusSeconds(600);

    private static AssetSpec asset(String key, String codeVersion, String... upstreams) {
        List<ParameterBinding> params = java.util.Arrays.stream(upstreams)
                .map(u -> (ParameterBinding) new ParameterBinding.UpstreamInput(u, u, "int")).toList();
        return new AssetSpec(key, "g", "about " + key, codeVersion, "io_manager", AssetSpec.Kind.ASSET, false, params,
                List.of(), Map.of(), List.of(), RetrySpec.NONE, "x.Assets", key, "int");
    }

    private static AssetSpec source(String key, boolean observable) {
        return new AssetSpec(key, "g", "", null, "io_manager", AssetSpec.Kind.SOURCE, observable, List.of(),
                List.of(), Map.of(), List.of(), RetrySpec.NONE, null, null, null);
    }

    private static MaterializationRecord mat(long id, String key, String code, String data, Map<String, EventData.InputVersion> inputs) {
        return new MaterializationRecord(id, "run-" + id + "-0000000", key, null, TEN_MIN_AGO,
                new EventData.Materialized(Map.of(), 5, code, data, EventData.DataVersionSource.USER, inputs));
    }

    @Test
    void badgesFollowTheReportWithRunningAndFailedFirst() {
        AssetSpec raw = asset("raw", "2");
        AssetSpec clean = asset("clean", "1", "raw");
        AssetSpec report = asset("report", "1", "clean");
        AssetGraph graph = AssetGraph.of(List.of(raw, clean, report));
        // raw was materialized with code 1 (now 2), clean from that raw, report never; clean's later attempt failed.
        StalenessReport r = new StalenessCalculator(ZoneOffset.UTC).compute(graph, new RecordedVersions(Map.of(
                "raw", mat(1, "raw", "1", "a", Map.of()),
                "clean", mat(2, "clean", "1", "b", Map.of("raw", new EventData.InputVersion("a", 1)))),
                Map.of(), Map.of("clean", new FailureRecord(3, "run-3", "clean", NOW))));

        NodeStatus rawStatus = NodeStatuses.of(raw, r.state("raw"), null, NOW, ZoneOffset.UTC);
        assertThat(rawStatus).isEqualTo(new NodeStatus(NodeBadge.STALE, "code changed"));
        assertThat(NodeStatuses.of(clean, r.state("clean"), null, NOW, ZoneOffset.UTC))
                .isEqualTo(new NodeStatus(NodeBadge.FAILED, "last success 10 min ago"));
        assertThat(NodeStatuses.of(report, r.state("report"), null, NOW, ZoneOffset.UTC))
                .isEqualTo(new NodeStatus(NodeBadge.MISSING, "never materialized"));
        assertThat(NodeStatuses.of(report, r.state("report"), NOW.minusSeconds(12), NOW, ZoneOffset.UTC))
                .isEqualTo(new NodeStatus(NodeBadge.RUNNING, "running 12 s"));
    }

    @Test
    void theTooltipGivesTheCausesAndTheChangesOnTheirWay() {
        AssetSpec raw = asset("raw", "2");
        AssetSpec clean = asset("clean", "1", "raw");
        AssetGraph graph = AssetGraph.of(List.of(raw, clean));
        StalenessReport r = new StalenessCalculator(ZoneOffset.UTC).compute(graph, new RecordedVersions(Map.of(
                "raw", mat(1, "raw", "1", "a", Map.of()),
                "clean", mat(2, "clean", "1", "b", Map.of("raw", new EventData.InputVersion("a", 1)))),
                Map.of(), Map.of()));

        String rawTip = NodeStatuses.tooltip(raw, r, null, NOW, ZoneOffset.UTC);
        assertThat(rawTip).startsWith("raw\nStale · code changed · materialized 10 min ago").contains("code version changed from 1 to 2",
                "about raw");
        String cleanTip = NodeStatuses.tooltip(clean, r, null, NOW, ZoneOffset.UTC);
        assertThat(cleanTip).contains("Fresh · 10 min ago · changes upstream",
                "will be stale once `raw` is re-materialized, because code version changed from 1 to 2");
        assertThat(r.state("clean").status()).isEqualTo(AssetStatus.FRESH);
    }

    @Test
    void sourcesSayWhetherTheyWereObserved() {
        assertThat(NodeStatuses.of(source("files", true), new AssetState("files", AssetStatus.MISSING, List.of(), false,
                null, null, false), null, NOW, ZoneOffset.UTC)).isEqualTo(new NodeStatus(NodeBadge.SOURCE, "never observed"));
        assertThat(NodeStatuses.of(source("files", true), new AssetState("files", AssetStatus.FRESH, List.of(), false,
                TEN_MIN_AGO, "r", false), null, NOW, ZoneOffset.UTC)).isEqualTo(new NodeStatus(NodeBadge.SOURCE, "observed 10 min ago"));
        assertThat(NodeStatuses.of(source("db", false), new AssetState("db", AssetStatus.FRESH, List.of(), false,
                null, null, false), null, NOW, ZoneOffset.UTC)).isEqualTo(new NodeStatus(NodeBadge.SOURCE, "external data"));
    }

    @Test
    void shortCausesNameTheFirstCause() {
        assertThat(NodeStatuses.shortCause(List.of(new StaleCause(StaleCause.Category.DATA, "x", "m"))))
                .isEqualTo("upstream changed");
        assertThat(NodeStatuses.shortCause(List.of(new StaleCause(StaleCause.Category.UPSTREAM_FAILED, "x", "m"))))
                .isEqualTo("upstream failed");
    }
}
