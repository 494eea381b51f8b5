package dev.cairn.engine.instance;

import java.util.List;

/**
 * A run refused to start because some of its assets are being materialized by a run that has not
 * ended: two runs writing one asset at once would race on its stored value. The message names
 * each such run, its process and the assets they share.
 */
public final class RunConflictException extends IllegalStateException {

    private final transient List<Conflict> conflicts;

    RunConflictException(List<Conflict> conflicts) {
        super("already being materialized: " + String.join("; ", conflicts.stream().map(Conflict::describe).toList())
                + ". Wait for that run to end, or cancel it, then run again.");
        this.conflicts = List.copyOf(conflicts);
    }

    /** The runs in the way. */
    public List<Conflict> conflicts() {
        return conflicts;
    }

    /**
     * A run that holds assets this run would compute.
     *
     * @param runId the run
     * @param pid its process
     * @param assetKeys the assets both runs would compute, sorted
     */
    public record Conflict(String runId, long pid, List<String> assetKeys) {
        public Conflict {
            assetKeys = List.copyOf(assetKeys);
        }

        String describe() {
            return String.join(", ", assetKeys) + " (run " + runId.substring(0, Math.min(8, runId.length()))
                    + ", process " + pid + ")";
        }
    }
}
