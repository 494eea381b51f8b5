package dev.cairn.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.DefinitionsSnapshot;
import dev.cairn.engine.definitions.ParameterBinding;
import dev.cairn.engine.definitions.RetrySpec;

class SnapshotChangesTest {

    private static AssetSpec asset(String key, String code, String... deps) {
        return new AssetSpec(key, "g", "", code, "io_manager", AssetSpec.Kind.ASSET, false, List.<ParameterBinding>of(),
                List.of(deps), Map.of(), List.of(), RetrySpec.NONE, "x.A", key, "int");
    }

    private static DefinitionsSnapshot snapshot(AssetSpec... assets) {
        return new DefinitionsSnapshot("j.jar", List.of(assets), List.of(), List.of(), List.of("io_manager"), List.of());
    }

    @Test
    void namesAddedRemovedRecodedAndRewiredAssets() {
        SnapshotChanges c = SnapshotChanges.between(
                snapshot(asset("a", "1"), asset("b", "1", "a"), asset("gone", "1")),
                snapshot(asset("a", "2"), asset("b", "1"), asset("new1", "1"), asset("new2", null)));
        assertThat(c.added()).containsExactly("new1", "new2");
        assertThat(c.removed()).containsExactly("gone");
        assertThat(c.newCodeVersion()).containsExactly("a");
        assertThat(c.newDependencies()).containsExactly("b");
        assertThat(c.summary()).isEqualTo("2 assets added (new1, new2) · 1 asset removed (gone) · new code version: a"
                + " · new dependencies: b");
    }

    @Test
    void nothingChangedIsEmpty() {
        SnapshotChanges c = SnapshotChanges.between(snapshot(asset("a", "1")), snapshot(asset("a", "1")));
        assertThat(c.isEmpty()).isTrue();
        assertThat(c.summary()).isEqualTo("no changes to the assets");
    }
}
