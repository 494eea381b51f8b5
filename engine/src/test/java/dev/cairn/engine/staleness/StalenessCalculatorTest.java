package dev.cairn.engine.staleness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.ParameterBinding;
import dev.cairn.engine.definitions.RetrySpec;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.storage.MaterializationRecord;
import dev.cairn.engine.storage.ObservationRecord;

/**
 * The calculator's rules on hand-made records. End-to-end scenarios with real runs on a real
 * event log are in {@code StalenessScenarioTest}.
 */
class StalenessCalculatorTest {

    private static final Instant T = Instant.parse("2026-11-23T14:03:00Z");
    private final StalenessCalculator calculator = new StalenessCalculator(ZoneOffset.UTC);
    private final Map<String, MaterializationRecord> mats = new HashMap<>();
    private final Map<String, ObservationRecord> obs = new HashMap<>();
    private final Map<String, dev.cairn.engine.storage.FailureRecord> failures = new HashMap<>();
    private long nextId = 1;

    private static AssetSpec asset(String key, String code, String... upstreams) {
        List<ParameterBinding> params = new ArrayList<>();
        for (String up : upstreams) {
            params.add(new ParameterBinding.UpstreamInput(up, up, "java.lang.Object"));
        }
        return new AssetSpec(key, "", "", code, "io_manager", AssetSpec.Kind.ASSET, false, params, List.of(),
                Map.of(), List.of(), RetrySpec.NONE, "x.Assets", key, "java.lang.Object");
    }

    private static AssetSpec source(String key) {
        return new AssetSpec(key, "", "", null, "io_manager", AssetSpec.Kind.SOURCE, true, List.of(), List.of(),
                Map.of(), List.of(), RetrySpec.NONE, null, null, "");
    }

    /** Records a materialization computed from the current versions of the given upstreams. */
    private void materialize(String key, String code, String dataVersion, String runId, String... upstreams) {
        Map<String, EventData.InputVersion> inputs = new HashMap<>();
        for (String up : upstreams) {
            MaterializationRecord m = mats.get(up);
            ObservationRecord o = obs.get(up);
            inputs.put(up, m != null ? new EventData.InputVersion(m.data().dataVersion(), m.eventId())
                    : o != null ? new EventData.InputVersion(o.data().dataVersion(), o.eventId())
                    : new EventData.InputVersion(null, 0));
        }
        long id = nextId++;
        mats.put(key, new MaterializationRecord(id, runId, key, null, T, new EventData.Materialized(Map.of(), 5, code,
                dataVersion, EventData.DataVersionSource.CONTENT_HASH, inputs)));
    }

    private void observe(String key, String version, String runId) {
        long id = nextId++;
        obs.put(key, new ObservationRecord(id, runId, key, null, T, new EventData.Observed(version, Map.of())));
    }

    private StalenessReport report(AssetSpec... specs) {
        return calculator.compute(AssetGraph.of(List.of(specs)), new RecordedVersions(mats, obs, failures));
    }

    @Test
    void neverMaterializedIsMissing() {
        StalenessReport r = report(asset("a", "1"));
        assertThat(r.state("a").status()).isEqualTo(AssetStatus.MISSING);
    }

    @Test
    void codeVersionChangeIsACodeCause() {
        materialize("a", "3", "v1", "run-aaaa-1111");
        StalenessReport r = report(asset("a", "4"));
        assertThat(r.state("a").status()).isEqualTo(AssetStatus.STALE);
        assertThat(r.state("a").causes()).extracting(StaleCause::message)
                .containsExactly("code version changed from 3 to 4");
    }

    @Test
    void newUpstreamDataVersionNamesRunAndTime() {
        materialize("raw_orders", "1", "v1", "ab12cd34-run-1");
        materialize("orders", "1", "o1", "ab12cd34-run-1", "raw_orders");
        materialize("raw_orders", "1", "v2", "ef56ab78-run-2");
        StalenessReport r = report(asset("raw_orders", "1"), asset("orders", "1", "raw_orders"));
        assertThat(r.state("orders").causes()).extracting(StaleCause::message).containsExactly(
                "upstream `raw_orders` has a new data version (materialized in run ef56ab78 at 14:03)");
        assertThat(r.state("raw_orders").status()).isEqualTo(AssetStatus.FRESH);
    }

    @Test
    void sameDataVersionAfterReMaterializingChangesNothing() {
        materialize("raw", "1", "v1", "run1");
        materialize("clean", "1", "c1", "run1", "raw");
        materialize("raw", "1", "v1", "run2");
        StalenessReport r = report(asset("raw", "1"), asset("clean", "1", "raw"));
        assertThat(r.state("clean").status()).isEqualTo(AssetStatus.FRESH);
    }

    @Test
    void addedAndRemovedDependencies() {
        materialize("legacy", "1", "l1", "run1");
        materialize("customers", "1", "c1", "run1");
        materialize("report", "1", "r1", "run1", "legacy");
        StalenessReport r = report(asset("legacy", "1"), asset("customers", "1"), asset("report", "1", "customers"));
        assertThat(r.state("report").causes()).extracting(StaleCause::message).containsExactly(
                "new dependency on `customers`", "dependency on `legacy` removed");
    }

    @Test
    void observedSourceWithNewVersionMakesChildrenStale() {
        observe("samples", "h1", "run1");
        materialize("highs", "1", "x", "run1", "samples");
        observe("samples", "h2", "run2");
        StalenessReport r = report(source("samples"), asset("highs", "1", "samples"));
        assertThat(r.state("samples").status()).isEqualTo(AssetStatus.FRESH);
        assertThat(r.state("highs").causes()).extracting(StaleCause::category).containsExactly(StaleCause.Category.DATA);
    }

    @Test
    void sourceNeverObservedIsMissing() {
        StalenessReport r = report(source("samples"));
        assertThat(r.state("samples").status()).isEqualTo(AssetStatus.MISSING);
    }

    @Test
    void failedUpstreamIsACause() {
        materialize("a", "1", "v1", "run1");
        materialize("b", "1", "b1", "run1", "a");
        failures.put("a", new dev.cairn.engine.storage.FailureRecord(nextId++, "run2", "a", T));
        StalenessReport r = report(asset("a", "1"), asset("b", "1", "a"));
        assertThat(r.state("a").latestAttemptFailed()).isTrue();
        assertThat(r.state("b").causes()).extracting(StaleCause::category).containsExactly(StaleCause.Category.UPSTREAM_FAILED);
    }

    @Test
    void stalenessIsNotTransitiveButTheWaveIsExplained() {
        materialize("a", "1", "a1", "run1");
        materialize("b", "1", "b1", "run1", "a");
        materialize("c", "1", "c1", "run1", "b");
        StalenessReport r = report(asset("a", "2"), asset("b", "1", "a"), asset("c", "1", "b"));
        assertThat(r.state("a").status()).isEqualTo(AssetStatus.STALE);
        assertThat(r.state("b").status()).isEqualTo(AssetStatus.FRESH);
        assertThat(r.state("c").status()).isEqualTo(AssetStatus.FRESH);
        assertThat(r.state("c").upstreamChangesPending()).isTrue();
        assertThat(r.state("a").upstreamChangesPending()).isFalse();
        assertThat(r.explain("c").rootCauses()).extracting(RootCause::sentence).containsExactly(
                "will be stale once `a` is re-materialized, because code version changed from 1 to 2");
    }

    @Test
    void diamondReportsEachRootOnce() {
        materialize("top", "1", "t1", "run1");
        materialize("left", "1", "l1", "run1", "top");
        materialize("right", "1", "r1", "run1", "top");
        materialize("bottom", "1", "b1", "run1", "left", "right");
        StalenessReport r = report(asset("top", "2"), asset("left", "1", "top"), asset("right", "1", "top"),
                asset("bottom", "1", "left", "right"));
        assertThat(r.explain("bottom").rootCauses()).extracting(RootCause::upstreamKey).containsExactly("top");
        assertThat(r.withStatus(AssetStatus.STALE)).containsExactly("top");
    }
}
