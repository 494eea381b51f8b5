package dev.cairn.app.format;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Short, human texts for times and durations, as the graph, the details and the run list show them. */
public final class Formats {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH);

    private Formats() {
    }

    /** "just now", "3 min ago", "2 h ago", "yesterday", "5 days ago", or a date beyond a month. */
    public static String ago(Instant then, Instant now, ZoneId zone) {
        long seconds = Duration.between(then, now).getSeconds();
        if (seconds < 45) {
            return "just now";
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) {
            return minutes + " min ago";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h ago";
        }
        long days = Duration.between(then.atZone(zone).toLocalDate().atStartOfDay(zone),
                now.atZone(zone).toLocalDate().atStartOfDay(zone)).toDays();
        if (days <= 1) {
            return "yesterday";
        }
        if (days < 31) {
            return days + " days ago";
        }
        LocalDate date = then.atZone(zone).toLocalDate();
        return date.toString();
    }

    /** "850 ms", "12.4 s", "3 min 05 s", "1 h 02 min". */
    public static String duration(Duration d) {
        long millis = Math.max(0, d.toMillis());
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }

    /** Whole seconds for a clock that ticks: "12 s", "3 min 05 s", "1 h 02 min". */
    public static String elapsed(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }

    /** "14:03:12" today, else "Nov 21, 14:03". */
    public static String time(Instant t, Instant now, ZoneId zone) {
        boolean today = t.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (today ? CLOCK : DAY_CLOCK).format(t.atZone(zone));
    }

    /** The first 8 characters of a run id, as the command line shows it. */
    public static String shortRunId(String runId) {
        return runId.length() <= 8 ? runId : runId.substring(0, 8);
    }
}
