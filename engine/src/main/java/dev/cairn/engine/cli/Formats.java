package dev.cairn.engine.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How times, durations and ids look on the terminal. */
final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Formats() {
    }

    static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
    }

    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format("%.1f s", millis / 1000.0);
        }
        Duration d = Duration.ofMillis(millis);
        return d.toHours() > 0 ? String.format("%dh %02dm", d.toHours(), d.toMinutesPart())
                : String.format("%dm %02ds", d.toMinutes(), d.toSecondsPart());
    }

    static String duration(Instant from, Instant to) {
        return from == null || to == null ? "-" : duration(Duration.between(from, to).toMillis());
    }

    /** The first 8 characters of a run id, enough to tell runs apart and to pass to {@code cairn run}. */
    static String shortId(String runId) {
        return runId == null ? "-" : runId.length() <= 8 ? runId : runId.substring(0, 8);
    }

    static String version(String v) {
        if (v == null) {
            return "-";
        }
        return v.length() <= 12 ? v : v.substring(0, 12);
    }
}
