package dev.cairn.engine.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.events.LogLevel;
import dev.cairn.engine.storage.LocalProcess;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;

/** Ending the run of a process that died, as the app does for its workers. */
class H2EventLogRunEndTest {

    @TempDir
    Path dir;

    private static Event end(EventType type, String reason) {
        return Event.of("r", type, null, LogLevel.ERROR, "ended: " + reason, new EventData.RunEnded(reason));
    }

    @Test
    void endsARunOnlyWhileItIsStarted() {
        try (H2EventLog log = H2EventLog.open(dir.resolve("eventlog"), H2EventLog.Mode.EXCLUSIVE)) {
            log.createRun(new RunRecord("r", RunStatus.STARTED, "*", List.of("a"), Instant.now(), null,
                    LocalProcess.pid(), LocalProcess.host(), null));

            assertThat(log.appendRunEndIfStarted(end(EventType.RUN_CANCELED, "the worker was killed"))).isTrue();
            assertThat(log.appendRunEndIfStarted(end(EventType.RUN_FAILURE, "too late"))).isFalse();

            RunRecord run = log.run("r").orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.CANCELED);
            assertThat(run.failureReason()).isEqualTo("the worker was killed");
            assertThat(log.eventsAfter("r", 0, 10)).extracting(Event::type).containsExactly(EventType.RUN_CANCELED);
        }
    }

    @Test
    void refusesEventsThatDoNotEndARun() {
        try (H2EventLog log = H2EventLog.open(dir.resolve("eventlog"), H2EventLog.Mode.EXCLUSIVE)) {
            assertThatThrownBy(() -> log.appendRunEndIfStarted(Event.of("r", EventType.LOG, null, LogLevel.INFO, "x",
                    new EventData.Log(null)))).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
