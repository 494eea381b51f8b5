package dev.cairn.app.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import dev.cairn.engine.events.Event;
import dev.cairn.engine.staleness.StalenessReport;
import dev.cairn.engine.storage.RunRecord;

/** Keeps everything a session reports, and waits for what a test expects. */
final class RecordingListener implements WorkspaceSession.Listener {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final List<DefinitionsUpdate> definitions = new CopyOnWriteArrayList<>();
    final List<String> definitionFailures = new CopyOnWriteArrayList<>();
    final List<StalenessReport> statuses = new CopyOnWriteArrayList<>();
    final List<List<RunRecord>> runLists = new CopyOnWriteArrayList<>();
    final Map<String, List<Event>> events = new ConcurrentHashMap<>();
    final List<String> notStarted = new CopyOnWriteArrayList<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final List<String> eventLogFailures = new CopyOnWriteArrayList<>();
    /** The session reporting here, told when definitions arrive that they are "shown", as the app does. */
    volatile WorkspaceSession session;

    @Override
    public void definitionsChanged(DefinitionsUpdate update) {
        definitions.add(update);
        WorkspaceSession shownBy = session;
        if (shownBy != null) {
            shownBy.definitionsShown();
        }
    }

    @Override
    public void definitionsFailed(String message) {
        definitionFailures.add(message);
    }

    @Override
    public void loadingChanged(boolean loading) {
    }

    @Override
    public void statusChanged(StalenessReport report) {
        statuses.add(report);
    }

    @Override
    public void runsChanged(List<RunRecord> runs) {
        runLists.add(runs);
    }

    @Override
    public void runEvents(String runId, List<Event> batch) {
        events.computeIfAbsent(runId, k -> new CopyOnWriteArrayList<>()).addAll(batch);
    }

    @Override
    public void runNotStarted(String selection, String message) {
        notStarted.add(selection + ": " + message);
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
    }

    @Override
    public void eventLogFailed(String message) {
        eventLogFailures.add(message);
    }

    /** Waits until the condition holds, failing with the description after {@link #TIMEOUT}. */
    static void await(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    DefinitionsUpdate awaitDefinitions(Predicate<DefinitionsUpdate> matching) {
        await("definitions", () -> definitions.stream().anyMatch(matching));
        return definitions.stream().filter(matching).reduce((a, b) -> b).orElseThrow();
    }

    StalenessReport awaitStatus(Predicate<StalenessReport> matching) {
        await("a status", () -> statuses.stream().anyMatch(matching));
        return statuses.stream().filter(matching).reduce((a, b) -> b).orElseThrow();
    }

    /** The only run that has events, once there is one. */
    String awaitRunId() {
        await("a run", () -> !events.isEmpty());
        return events.keySet().iterator().next();
    }

    List<Event> awaitEvents(String runId, Predicate<Event> last) {
        await("an event of run " + runId, () -> events.getOrDefault(runId, List.of()).stream().anyMatch(last));
        return new ArrayList<>(events.get(runId));
    }

    RunRecord awaitRun(Predicate<RunRecord> matching) {
        await("a run in the list", () -> !runLists.isEmpty()
                && runLists.get(runLists.size() - 1).stream().anyMatch(matching));
        return runLists.get(runLists.size() - 1).stream().filter(matching).findFirst().orElseThrow();
    }
}
