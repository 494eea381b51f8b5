package dev.cairn.app.details;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.cairn.app.session.WorkspaceViewModel;
import dev.cairn.engine.storage.MaterializationRecord;
import dev.cairn.engine.storage.ObservationRecord;

/** What the details panel reads from the event log; every read happens off the JavaFX thread. */
public interface AssetRecords {

    /** The latest materialization of an asset. */
    CompletableFuture<Optional<MaterializationRecord>> latestMaterialization(String assetKey);

    /** The latest observation of a source asset. */
    CompletableFuture<Optional<ObservationRecord>> latestObservation(String assetKey);

    /** Materializations of an asset, newest first, with an event id below {@code beforeEventId} (all if null), at most {@code limit}. */
    CompletableFuture<List<MaterializationRecord>> history(String assetKey, Long beforeEventId, int limit);

    /** The records of the jar open in the workspace. */
    static AssetRecords of(WorkspaceViewModel workspace) {
        return new AssetRecords() {
            @Override
            public CompletableFuture<Optional<MaterializationRecord>> latestMaterialization(String assetKey) {
                return workspace.latestMaterialization(assetKey);
            }

            @Override
            public CompletableFuture<Optional<ObservationRecord>> latestObservation(String assetKey) {
                return workspace.latestObservation(assetKey);
            }

            @Override
            public CompletableFuture<List<MaterializationRecord>> history(String assetKey, Long beforeEventId, int limit) {
                return workspace.materializationHistory(assetKey, beforeEventId, limit);
            }
        };
    }
}
