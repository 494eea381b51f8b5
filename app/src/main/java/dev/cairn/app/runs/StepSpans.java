package dev.cairn.app.runs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.app.engine.RunProgress.StepState;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;

/**
 * The steps of a run as spans of time, for its timeline: each from its first STEP_STARTED to its
 * STEP_SUCCESS or STEP_FAILURE (retries inside), or still open. Folded from the run's events in
 * order.
 *
 * @param runStart when the run started (its first event), or null if it has none
 * @param runEnd when it ended, or null while it goes on
 * @param steps the steps that started or were skipped, in the order they started
 */
public record StepSpans(Instant runStart, Instant runEnd, List<Span> steps) {

    /**
     * One step.
     *
     * @param key the asset
     * @param start when it started (for a skipped step: when it was skipped)
     * @param end when it ended, or null while it runs (or if the run ended first)
     * @param state how it ended, or RUNNING
     * @param attempts how many times it was tried
     */
    public record Span(String key, Instant start, Instant end, StepState state, int attempts) {

        /** The end to draw: its end, else the run's end, else now. */
        public Instant endOr(Instant runEnd, Instant now) {
            return end != null ? end : runEnd != null ? runEnd : now;
        }
    }

    public StepSpans {
        steps = List.copyOf(steps);
    }

    /** The spans of a run's events, in id order. */
    public static StepSpans of(List<Event> events) {
        Instant runStart = null;
        Instant runEnd = null;
        Map<String, Span> spans = new LinkedHashMap<>();
        for (Event e : events) {
            if (runStart == null) {
                runStart = e.timestamp();
            }
            String key = e.assetKey();
            switch (e.type()) {
                case STEP_STARTED -> {
                    Span was = spans.get(key);
                    int attempt = e.data() instanceof EventData.StepStarted s ? s.attempt() : 1;
                    spans.put(key, was == null
                            ? new Span(key, e.timestamp(), null, StepState.RUNNING, attempt)
                            : new Span(key, was.start(), null, StepState.RUNNING, Math.max(attempt, was.attempts())));
                }
                case STEP_SUCCESS -> close(spans, key, e.timestamp(), StepState.SUCCEEDED);
                case STEP_FAILURE -> close(spans, key, e.timestamp(), StepState.FAILED);
                case STEP_SKIPPED -> {
                    if (key != null) {
                        spans.put(key, new Span(key, e.timestamp(), e.timestamp(), StepState.SKIPPED, 0));
                    }
                }
                case RUN_SUCCESS, RUN_FAILURE, RUN_CANCELED -> runEnd = e.timestamp();
                default -> { }
            }
        }
        List<Span> ordered = new ArrayList<>(spans.values());
        ordered.sort(Comparator.comparing(Span::start));
        if (runEnd != null) {
            ordered.replaceAll(s -> s.state() == StepState.RUNNING
                    ? new Span(s.key(), s.start(), null, StepState.INTERRUPTED, s.attempts()) : s);
        }
        return new StepSpans(runStart, runEnd, ordered);
    }

    private static void close(Map<String, Span> spans, String key, Instant at, StepState state) {
        Span was = spans.get(key);
        if (key != null) {
            spans.put(key, new Span(key, was == null ? at : was.start(), at, state, was == null ? 1 : was.attempts()));
        }
    }
}
