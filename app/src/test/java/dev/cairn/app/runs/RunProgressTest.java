package dev.cairn.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.app.engine.RunProgress;
import dev.cairn.app.engine.RunProgress.StepState;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.events.LogLevel;
import dev.cairn.engine.storage.RunStatus;

class RunProgressTest {

    private static long ids;

    private static Event event(EventType type, String key, EventData data) {
        return Event.of("run", type, key, type == EventType.STEP_FAILURE ? LogLevel.ERROR : LogLevel.INFO,
                type + " " + key, data).withId(++ids);
    }

    @Test
    void countsStepsAndInterruptsThoseStillRunningWhenTheRunEnds() {
        RunProgress p = RunProgress.of("run", List.of(
                event(EventType.RUN_STARTED, null, new EventData.RunStarted("*", List.of("a", "b", "c"))),
                event(EventType.STEP_STARTED, "a", new EventData.StepStarted(1)),
                event(EventType.STEP_SUCCESS, "a", new EventData.StepSucceeded(5)),
                event(EventType.STEP_STARTED, "b", new EventData.StepStarted(1))));
        assertThat(p.total()).isEqualTo(3);
        assertThat(p.done()).isEqualTo(1);
        assertThat(p.stepsIn(StepState.RUNNING)).containsExactly("b");
        assertThat(p.status()).isEqualTo(RunStatus.STARTED);

        p.accept(event(EventType.RUN_CANCELED, null, new EventData.RunEnded("canceled")));

        assertThat(p.status()).isEqualTo(RunStatus.CANCELED);
        assertThat(p.endReason()).isEqualTo("canceled");
        assertThat(p.state("b")).isEqualTo(StepState.INTERRUPTED);
        assertThat(p.state("c")).isEqualTo(StepState.INTERRUPTED);
        assertThat(p.done()).isEqualTo(3);
    }

    @Test
    void theLogFilterMatchesLevelTextStepAndType() {
        Event info = event(EventType.LOG, "orders", new EventData.Log(null));
        Event error = event(EventType.STEP_FAILURE, "payments", new EventData.StepFailed(
                new EventData.ErrorInfo("java.lang.IllegalStateException", "boom", "trace"), 1, 0));
        assertThat(RunsViewModel.filter(LogLevel.WARN, "", null, null).test(info)).isFalse();
        assertThat(RunsViewModel.filter(LogLevel.WARN, "", null, null).test(error)).isTrue();
        assertThat(RunsViewModel.filter(LogLevel.DEBUG, "ORDERS", null, null).test(info)).isTrue();
        assertThat(RunsViewModel.filter(LogLevel.DEBUG, "", "payments", null).test(info)).isFalse();
        assertThat(RunsViewModel.filter(LogLevel.DEBUG, "", "payments", null).test(error)).isTrue();
        assertThat(RunsViewModel.filter(LogLevel.DEBUG, "", null, EventType.STEP_FAILURE).test(error)).isTrue();
        assertThat(RunsViewModel.filter(LogLevel.DEBUG, "", null, EventType.STEP_FAILURE).test(info)).isFalse();
    }
}
