package dev.cairn.app.runs;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;

/**
 * How events read in the run log, and a run's log as plain text, for the clipboard and for files: one line per event (time, level,
 * step, event, message, separated by tabs so that a spreadsheet splits them), then its details
 * (a stack trace) indented below.
 */
final class LogText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private LogText() {
    }

    static String of(List<Event> events, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        for (Event e : events) {
            out.append(TIME.format(e.timestamp().atZone(zone))).append('\t')
                    .append(e.level()).append('\t')
                    .append(e.assetKey() == null ? "" : e.assetKey()).append('\t')
                    .append(eventWord(e)).append('\t')
                    .append(oneLine(messageOf(e))).append('\n');
            String details = details(e);
            if (details != null && !details.isBlank()) {
                details.lines().forEach(line -> out.append("    ").append(line).append('\n'));
            }
        }
        return out.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\R", " ").replace('\t', ' ');
    }

    static String eventWord(Event e) {
        return eventWord(e.type());
    }

    static String eventWord(EventType type) {
        return switch (type) {
            case RUN_STARTED -> "run started";
            case RUN_SUCCESS -> "run succeeded";
            case RUN_FAILURE -> "run failed";
            case RUN_CANCELED -> "run canceled";
            case STEP_STARTED -> "step started";
            case STEP_SUCCESS -> "step succeeded";
            case STEP_FAILURE -> "step failed";
            case STEP_SKIPPED -> "step skipped";
            case STEP_UP_FOR_RETRY -> "retry";
            case ASSET_MATERIALIZATION -> "materialized";
            case ASSET_OBSERVATION -> "observed";
            case LOG -> "log";
        };
    }

    /** The message, with the error's summary for failures. */
    static String messageOf(Event e) {
        if (e.data() instanceof EventData.StepFailed f && f.error() != null && !e.message().contains(f.error().summary())) {
            return e.message() + " — " + f.error().summary();
        }
        return e.message();
    }

    /** A stack trace or other details, for the row's tooltip; null if none. */
    static String details(Event e) {
        if (e.data() instanceof EventData.StepFailed f && f.error() != null) {
            return f.error().stackTrace();
        }
        if (e.data() instanceof EventData.Log l && l.stackTrace() != null) {
            return l.stackTrace();
        }
        if (e.data() instanceof EventData.RunEnded r) {
            return r.reason();
        }
        return null;
    }
}
