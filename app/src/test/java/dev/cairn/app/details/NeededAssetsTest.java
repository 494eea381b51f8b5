package dev.cairn.app.details;

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
import dev.cairn.engine.staleness.RecordedVersions;
import dev.cairn.engine.staleness.StalenessCalculator;
import dev.cairn.engine.staleness.StalenessReport;
import dev.cairn.engine.storage.MaterializationRecord;

/** "Materialize with what it needs" on statuses the real calculator computes from hand-made records. */
class NeededAssetsTest {

    private static final Instant T = Instant.parse("2026-11-23T14:03:00Z");
    private final Map<String, MaterializationRecord> mats = new HashMap<>();
    private long nextId = 1;

    // raw -> cleaned -> report, raw -> side; source -> cleaned
    private final List<AssetSpec> specs = List.of(asset("raw", "1"), asset("cleaned", "1", "raw", "source"),
            asset("report", "1", "cleaned"), asset("side", "1", "raw"), source("source"));

    @Test
    void aFreshAssetNeedsOnlyItself() {
        materializeAll("1");
        assertThat(NeededAssets.of(graph(), report(specs), "report")).containsExactly("report");
    }

    @Test
    void aChangeFarUpstreamNeedsEveryAssetOnTheWayDownButNotTheSideBranch() {
        materializeAll("1");
        List<AssetSpec> changed = new ArrayList<>(specs);
        changed.set(0, asset("raw", "2"));
        StalenessReport report = report(changed);
        assertThat(report.state("raw").causes()).isNotEmpty();
        assertThat(NeededAssets.of(AssetGraph.of(changed), report, "report")).containsExactly("raw", "cleaned", "report");
    }

    @Test
    void aMissingUpstreamIsNeededAndTheSourceIsNot() {
        assertThat(NeededAssets.of(graph(), report(specs), "cleaned")).containsExactly("raw", "cleaned");
    }

    @Test
    void withoutAStatusYetItIsJustTheAsset() {
        assertThat(NeededAssets.of(graph(), null, "report")).containsExactly("report");
    }

    private void materializeAll(String version) {
        for (String key : List.of("raw", "cleaned", "report", "side")) {
            Map<String, EventData.InputVersion> inputs = new HashMap<>();
            for (String up : graph().parents(key)) {
                MaterializationRecord m = mats.get(up);
                inputs.put(up, m == null ? new EventData.InputVersion(null, 0) : new EventData.InputVersion(m.data().dataVersion(), m.eventId()));
            }
            mats.put(key, new MaterializationRecord(nextId++, "run", key, null, T, new EventData.Materialized(Map.of(), 5,
                    version, key + "-data", EventData.DataVersionSource.CONTENT_HASH, inputs)));
        }
    }

    private AssetGraph graph() {
        return AssetGraph.of(specs);
    }

    private StalenessReport report(List<AssetSpec> definitions) {
        return new StalenessCalculator(ZoneOffset.UTC).compute(AssetGraph.of(definitions),
                new RecordedVersions(mats, Map.of(), Map.of()));
    }

    private static AssetSpec asset(String key, String code, String... upstreams) {
        List<ParameterBinding> params = new ArrayList<>();
        for (String up : upstreams) {
            params.add(new ParameterBinding.UpstreamInput(up, up, "java.lang.Object"));
        }
        return new AssetSpec(key, "", "", code, "io_manager", AssetSpec.Kind.ASSET, false, params, List.of(),
                Map.of(), List.of(), RetrySpec.NONE, "x.Assets", key, "java.lang.Object");
    }

    private static AssetSpec source(String key) {
        return new AssetSpec(key, "", "", null, "io_manager", AssetSpec.Kind.SOURCE, false, List.of(), List.of(),
                Map.of(), List.of(), RetrySpec.NONE, null, null, "");
    }
}
