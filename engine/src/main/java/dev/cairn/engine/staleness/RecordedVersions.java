package dev.cairn.engine.staleness;

import java.util.Map;

import dev.cairn.engine.storage.FailureRecord;
import dev.cairn.engine.storage.MaterializationRecord;
import dev.cairn.engine.storage.ObservationRecord;

/**
 * What the event log says about the latest state of every asset: the input of the staleness
 * calculation, read in one go from the log's summary table.
 *
 * @param materializations the latest materialization of each asset that has one
 * @param observations the latest observation of each observed source asset
 * @param failures the latest failed attempt of each asset whose latest attempt failed after its
 *        latest materialization
 */
public record RecordedVersions(
        Map<String, MaterializationRecord> materializations,
        Map<String, ObservationRecord> observations,
        Map<String, FailureRecord> failures) {

    public RecordedVersions {
        materializations = Map.copyOf(materializations);
        observations = Map.copyOf(observations);
        failures = Map.copyOf(failures);
    }

}
