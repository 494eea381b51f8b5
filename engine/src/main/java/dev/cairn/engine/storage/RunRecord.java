package dev.cairn.engine.storage;

import java.time.Instant;
import java.util.List;

/**
 * A run as the runs table keeps it.
 *
 * @param runId unique id (a UUID)
 * @param status its status
 * @param selection what the user asked for
 * @param assetKeys the planned steps
 * @param startedAt when it began
 * @param endedAt when it ended, or {@code null} while running
 * @param pid the process that executes it, for detecting runs whose process died
 * @param host the host of that process
 * @param failureReason why it failed or was canceled, or {@code null}
 */
public record RunRecord(
        String runId,
        RunStatus status,
        String selection,
        List<String> assetKeys,
        Instant startedAt,
        Instant endedAt,
        long pid,
        String host,
        String failureReason) {

    public RunRecord {
        assetKeys = List.copyOf(assetKeys);
    }
}
