package dev.cairn.engine.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.execution.RunResult;
import dev.cairn.engine.execution.StepOutcome;

/** Prints a run's progress, one line per finished step, as events are committed. */
final class ProgressPrinter {

    private final PrintWriter out;
    private final AtomicInteger finished = new AtomicInteger();
    private volatile int total;
    private volatile int keyWidth = 1;

    ProgressPrinter(PrintWriter out) {
        this.out = out;
    }

    private void started(String runId, EventData.RunStarted run) {
        total = run.assetKeys().size();
        keyWidth = run.assetKeys().stream().mapToInt(String::length).max().orElse(1);
        out.println("Run " + runId + ": " + total + " step(s), selection " + run.selection());
    }

    /** Called on the run's event thread. */
    void onEvent(Event e) {
        if (e.data() instanceof EventData.RunStarted started) {
            started(e.runId(), started);
        }
        String line = switch (e.type()) {
            case STEP_SUCCESS -> mark("done   ", e.assetKey(),
                    e.data() instanceof EventData.StepSucceeded s ? Formats.duration(s.durationMillis()) : "");
            case STEP_FAILURE -> mark("FAILED ", e.assetKey(),
                    e.data() instanceof EventData.StepFailed f ? f.error().summary() : e.message());
            case STEP_SKIPPED -> mark("skipped", e.assetKey(),
                    e.data() instanceof EventData.StepSkipped s ? s.reason() : e.message());
            case STEP_UP_FOR_RETRY -> "        retry   " + e.assetKey() + "  " + e.message();
            case LOG -> e.level().compareTo(dev.cairn.engine.events.LogLevel.WARN) >= 0
                    ? "        " + e.level() + "  " + e.assetKey() + ": " + e.message() : null;
            default -> null;
        };
        if (line != null) {
            out.println(line);
            out.flush();
        }
    }

    private String mark(String word, String key, String detail) {
        int n = finished.incrementAndGet();
        int width = String.valueOf(Math.max(total, 1)).length();
        return String.format("[%" + width + "d/%d] %s %-" + keyWidth + "s  %s", n, total, word, key,
                detail == null ? "" : detail).stripTrailing();
    }

    void finished(RunResult result) {
        var run = result.run();
        out.println();
        StringBuilder summary = new StringBuilder("Run " + Formats.shortId(run.runId()) + " " + run.status()
                + " in " + Formats.duration(run.startedAt(), run.endedAt()) + ": "
                + MaterializeCommand.count(result, StepOutcome.SUCCEEDED) + " succeeded");
        long failed = MaterializeCommand.count(result, StepOutcome.FAILED);
        long skipped = MaterializeCommand.count(result, StepOutcome.SKIPPED);
        long canceled = MaterializeCommand.count(result, StepOutcome.CANCELED);
        if (failed > 0) {
            summary.append(", ").append(failed).append(" failed");
        }
        if (skipped > 0) {
            summary.append(", ").append(skipped).append(" skipped");
        }
        if (canceled > 0) {
            summary.append(", ").append(canceled).append(" canceled");
        }
        out.println(summary);
        if (run.failureReason() != null) {
            out.println(run.failureReason());
        }
        out.println("Details: cairn run " + Formats.shortId(run.runId()));
        out.flush();
    }
}
