package dev.cairn.engine.storage.h2;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Whether the process that started a run still runs it. */
final class ProcessLiveness {

    /**
     * How much later than the run's start its process may seem to have started: the operating
     * system reports process start times coarsely (on Linux, from the boot time in whole seconds).
     */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(5);

    private ProcessLiveness() { }

    /**
     * Why the run's process is gone, or empty while it runs. A live process that started after the
     * run did is not the run's process: its pid was reused (common in containers, where every start
     * of Cairn may get the same pid).
     */
    static Optional<String> goneReason(long pid, Instant runStartedAt) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return Optional.of("the process running it (pid " + pid + ") is gone");
        }
        Optional<Instant> started = handle.get().info().startInstant();
        if (started.isPresent() && started.get().isAfter(runStartedAt.plus(CLOCK_SLACK))) {
            return Optional.of("the process running it (pid " + pid + ") is gone; that pid now belongs to a "
                    + "process started later");
        }
        return Optional.empty();
    }
}
