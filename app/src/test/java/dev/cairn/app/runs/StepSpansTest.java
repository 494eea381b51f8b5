package dev.cairn.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.app.engine.RunProgress.StepState;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.events.LogLevel;

class StepSpansTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private static Event event(EventType type, String asset, int second, EventData data) {
        return new Event(second + 1, "r", type, T0.plusSeconds(second), asset, null,
                type == EventType.STEP_FAILURE ? LogLevel.ERROR : LogLevel.INFO, type + " " + asset, data);
    }

    private static final EventData.StepFailed BOOM = new EventData.StepFailed(
            new EventData.ErrorInfo("java.lang.IllegalStateException", "boom", "java.lang.IllegalStateException: boom\n\tat x.y(Z.java:1)"), 2, 0);

    @Test
    void stepsSpanFromTheirFirstStartToTheirEndInTheOrderTheyStarted() {
        StepSpans spans = StepSpans.of(List.of(
                event(EventType.RUN_STARTED, null, 0, new EventData.RunStarted("*", List.of("a", "b", "c", "d"))),
                event(EventType.STEP_STARTED, "b", 1, new EventData.StepStarted(1)),
                event(EventType.STEP_STARTED, "a", 2, new EventData.StepStarted(1)),
                event(EventType.STEP_UP_FOR_RETRY, "b", 3, BOOM),
                event(EventType.STEP_STARTED, "b", 4, new EventData.StepStarted(2)),
                event(EventType.STEP_SUCCESS, "a", 5, new EventData.StepSucceeded(3000)),
                event(EventType.STEP_FAILURE, "b", 6, BOOM),
                event(EventType.STEP_SKIPPED, "c", 6, new EventData.StepSkipped("b failed", List.of("b"))),
                event(EventType.STEP_STARTED, "d", 7, new EventData.StepStarted(1))));

        assertThat(spans.runStart()).isEqualTo(T0);
        assertThat(spans.runEnd()).isNull();
        assertThat(spans.steps()).containsExactly(
                new StepSpans.Span("b", T0.plusSeconds(1), T0.plusSeconds(6), StepState.FAILED, 2),
                new StepSpans.Span("a", T0.plusSeconds(2), T0.plusSeconds(5), StepState.SUCCEEDED, 1),
                new StepSpans.Span("c", T0.plusSeconds(6), T0.plusSeconds(6), StepState.SKIPPED, 0),
                new StepSpans.Span("d", T0.plusSeconds(7), null, StepState.RUNNING, 1));
        assertThat(spans.steps().get(3).endOr(null, T0.plusSeconds(9))).isEqualTo(T0.plusSeconds(9));
    }

    @Test
    void aStepStillRunningWhenTheRunEndsWasInterrupted() {
        StepSpans spans = StepSpans.of(List.of(
                event(EventType.RUN_STARTED, null, 0, new EventData.RunStarted("*", List.of("a"))),
                event(EventType.STEP_STARTED, "a", 1, new EventData.StepStarted(1)),
                event(EventType.RUN_CANCELED, null, 4, new EventData.RunEnded("canceled"))));
        assertThat(spans.runEnd()).isEqualTo(T0.plusSeconds(4));
        assertThat(spans.steps()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(StepState.INTERRUPTED);
            assertThat(s.endOr(spans.runEnd(), T0.plusSeconds(99))).isEqualTo(T0.plusSeconds(4));
        });
        assertThat(StepSpans.of(List.of()).steps()).isEmpty();
    }

    @Test
    void theLogAsTextHasALinePerEventAndTheStackTraceIndented() {
        String text = LogText.of(List.of(
                event(EventType.STEP_STARTED, "b", 1, new EventData.StepStarted(1)),
                new Event(2, "r", EventType.STEP_FAILURE, T0.plusSeconds(2), "b", null, LogLevel.ERROR,
                        "Step b failed\\nafter\\tretries".replace("\\n", "\n").replace("\\t", "\t"), BOOM)), ZoneOffset.UTC);
        assertThat(text.lines()).containsExactly(
                "2024-05-01 10:00:01.000\tINFO\tb\tstep started\tSTEP_STARTED b",
                "2024-05-01 10:00:02.000\tERROR\tb\tstep failed\tStep b failed after retries — IllegalStateException: boom",
                "    java.lang.IllegalStateException: boom",
                "    \tat x.y(Z.java:1)");
    }
}
