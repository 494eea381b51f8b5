package dev.cairn.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.app.TestAssetJars;
import dev.cairn.engine.definitions.Problem;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.staleness.AssetStatus;
import dev.cairn.engine.staleness.StaleCause;
import dev.cairn.engine.storage.RunStatus;

/** A session on real jars, real workers and a real event log. */
class WorkspaceSessionTest {

    @TempDir
    Path home;
    @TempDir
    Path jars;

    private final RecordingListener listener = new RecordingListener();
    private WorkspaceSession session;

    private WorkspaceSession open(Path jar) {
        session = WorkspaceSession.open(jar, WorkerLauncher.ofThisProcess(home), listener,
                new WorkspaceSession.Options(Duration.ofMillis(200), Duration.ofMillis(300), 50));
        listener.session = session;
        return session;
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void readsTheDefinitionsRunsThemAndReportsStatusFailuresAndRefusals() {
        open(TestAssetJars.pipeline(jars, "1"));
        DefinitionsUpdate first = listener.awaitDefinitions(u -> !u.fromCache());
        assertThat(first.latest().assets()).extracting(a -> a.key())
                .containsExactly("cleaned", "failing", "raw", "report");
        assertThat(first.graph()).isNotNull();
        assertThat(listener.awaitStatus(r -> true).state("raw").status()).isEqualTo(AssetStatus.MISSING);

        session.materialize("*");
        String runId = listener.awaitRunId();
        List<Event> events = listener.awaitEvents(runId, e -> e.type() == EventType.RUN_FAILURE);

        assertThat(events).extracting(Event::id).isSorted().doesNotHaveDuplicates();
        assertThat(events).filteredOn(e -> e.type() == EventType.ASSET_MATERIALIZATION)
                .extracting(Event::assetKey).containsExactlyInAnyOrder("raw", "cleaned", "report");
        assertThat(events).anyMatch(e -> e.type() == EventType.STEP_FAILURE && "failing".equals(e.assetKey()));
        listener.awaitStatus(r -> r.state("report").status() == AssetStatus.FRESH
                && r.state("raw").status() == AssetStatus.FRESH && r.state("failing").latestAttemptFailed());
        assertThat(listener.awaitRun(r -> r.runId().equals(runId) && r.status().isFinished()).status())
                .isEqualTo(RunStatus.FAILURE);
        assertThat(session.latestFailure("failing").join()).get()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EventType.STEP_FAILURE));

        session.materialize("no_such_asset");
        RecordingListener.await("the run to be refused", () -> !listener.notStarted.isEmpty());
        assertThat(listener.notStarted.get(0)).contains("no_such_asset");
    }

    @Test
    void aRunStartedFromTheCommandLineShowsUpLive() throws Exception {
        Path jar = TestAssetJars.pipeline(jars, "1");
        open(jar);
        listener.awaitDefinitions(u -> !u.fromCache());
        WorkerLauncher launcher = WorkerLauncher.ofThisProcess(home);
        Process cli = new ProcessBuilder(launcher.command(List.of(), List.of("materialize", "--jar", jar.toString(),
                "--workspace", session.workspace().folder().toString(), "--select", "raw"))).start();
        assertThat(cli.waitFor()).isZero();

        String runId = listener.awaitRunId();
        assertThat(listener.awaitEvents(runId, e -> e.type() == EventType.RUN_SUCCESS))
                .anyMatch(e -> e.type() == EventType.ASSET_MATERIALIZATION && "raw".equals(e.assetKey()));
        listener.awaitStatus(r -> r.state("raw").status() == AssetStatus.FRESH);
    }

    @Test
    void aRebuiltJarIsReadAgainNewCodeMakesItsAssetStaleAndABrokenRebuildKeepsTheGraph() throws Exception {
        Path jar = TestAssetJars.pipeline(jars, "1");
        open(jar);
        listener.awaitDefinitions(u -> !u.fromCache());
        session.materialize("*report");
        listener.awaitEvents(listener.awaitRunId(), e -> e.type() == EventType.RUN_SUCCESS);
        listener.awaitStatus(r -> r.state("raw").status() == AssetStatus.FRESH);

        Path rebuilt = TestAssetJars.pipeline(Files.createDirectory(jars.resolve("v2")), "2");
        Files.move(rebuilt, jar, StandardCopyOption.REPLACE_EXISTING);

        DefinitionsUpdate update = listener.awaitDefinitions(u -> u.changes() != null && !u.changes().isEmpty());
        assertThat(update.changes().newCodeVersion()).containsExactly("raw");
        var report = listener.awaitStatus(r -> r.state("raw").status() == AssetStatus.STALE);
        assertThat(report.state("raw").causes()).extracting(StaleCause::category).containsExactly(StaleCause.Category.CODE);
        assertThat(report.explain("report").rootCauses()).anyMatch(c -> c.upstreamKey().equals("raw"));

        Path broken = TestAssetJars.broken(Files.createDirectory(jars.resolve("broken")), "pipeline.jar");
        Files.move(broken, jar, StandardCopyOption.REPLACE_EXISTING);

        DefinitionsUpdate brokenUpdate = listener.awaitDefinitions(DefinitionsUpdate::hasProblems);
        assertThat(brokenUpdate.latest().problems()).extracting(Problem::kind)
                .contains(Problem.Kind.CYCLE, Problem.Kind.UNKNOWN_UPSTREAM);
        assertThat(brokenUpdate.showingPrevious()).isTrue();
        assertThat(brokenUpdate.shown().assets()).extracting(a -> a.key()).contains("raw", "report");
    }

    @Test
    void cancelEndsTheRunCanceled() {
        open(TestAssetJars.slow(jars));
        listener.awaitDefinitions(u -> true);
        session.materialize("*");
        String runId = listener.awaitRunId();
        listener.awaitEvents(runId, e -> e.type() == EventType.STEP_STARTED && "slow".equals(e.assetKey()));

        session.cancel(List.of(runId), false);

        listener.awaitEvents(runId, e -> e.type() == EventType.RUN_CANCELED);
        assertThat(listener.awaitRun(r -> r.runId().equals(runId) && r.status().isFinished()).status())
                .isEqualTo(RunStatus.CANCELED);
    }

    @Test
    void closingCancelsTheRunsItStarted() throws Exception {
        Path jar = TestAssetJars.slow(jars);
        open(jar);
        listener.awaitDefinitions(u -> true);
        session.materialize("*");
        String runId = listener.awaitRunId();
        listener.awaitEvents(runId, e -> e.type() == EventType.STEP_STARTED && "slow".equals(e.assetKey()));

        session.close();
        session = null;

        try (var log = dev.cairn.engine.workspace.Workspace.forJar(jar, home)
                .openEventLog(dev.cairn.engine.storage.h2.H2EventLog.Mode.EXCLUSIVE)) {
            assertThat(log.run(runId).orElseThrow().status()).isEqualTo(RunStatus.CANCELED);
        }
    }

    @Test
    void aWorkerThatIgnoresCancelIsKilledAndItsRunRecordedCanceled() {
        open(TestAssetJars.stubborn(jars));
        listener.awaitDefinitions(u -> true);
        session.materialize("*");
        String runId = listener.awaitRunId();
        listener.awaitEvents(runId, e -> e.type() == EventType.STEP_STARTED);

        session.cancel(List.of(runId), false);

        Event end = listener.awaitEvents(runId, e -> e.type().endsRun()).stream()
                .filter(e -> e.type().endsRun()).findFirst().orElseThrow();
        assertThat(end.type()).isEqualTo(EventType.RUN_CANCELED);
        assertThat(end.message()).contains("killed");
    }

    @Test
    void aReopenedJarShowsTheDefinitionsCachedLastTimeBeforeItsWorkerAnswers() {
        Path jar = TestAssetJars.pipeline(jars, "1");
        open(jar);
        listener.awaitDefinitions(u -> !u.fromCache());
        // The cache is written once the definitions are shown, before the log opens and statuses follow.
        listener.awaitStatus(r -> true);
        session.close();

        RecordingListener again = new RecordingListener();
        session = WorkspaceSession.open(jar, WorkerLauncher.ofThisProcess(home), again,
                new WorkspaceSession.Options(Duration.ofMillis(200), Duration.ofMillis(300), 50));
        again.session = session;

        again.awaitDefinitions(u -> true);
        assertThat(again.definitions.get(0).fromCache()).isTrue();
        assertThat(again.definitions.get(0).shown().assets()).extracting(a -> a.key())
                .containsExactly("cleaned", "failing", "raw", "report");
    }

    @Test
    void closingWhileTheLogOpensEndsTheReadsWaitingForItAndReleasesTheLog() throws Exception {
        Path jar = TestAssetJars.pipeline(jars, "1");
        open(jar);
        var read = session.read(log -> log.runs(null, 10));

        session.close();
        session = null;

        // Either the log opened in time and the read ran, or the read failed; it never hangs.
        assertThat(read.handle((runs, failure) -> failure == null ? "read" : "failed")).succeedsWithin(Duration.ofSeconds(5));
        try (var log = dev.cairn.engine.workspace.Workspace.forJar(jar, home)
                .openEventLog(dev.cairn.engine.storage.h2.H2EventLog.Mode.EXCLUSIVE)) {
            assertThat(log.runs(null, 10)).isEmpty();
        }
    }

    @Test
    void aDamagedEventLogStillShowsTheDefinitionsAndRefusesRunsSayingWhy() throws Exception {
        Path jar = TestAssetJars.pipeline(jars, "1");
        var workspace = dev.cairn.engine.workspace.Workspace.forJar(jar, home).create();
        Path file = Path.of(workspace.eventLogDatabase() + ".mv.db");
        byte[] garbage = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(file, garbage);

        open(jar);

        DefinitionsUpdate update = listener.awaitDefinitions(u -> !u.fromCache());
        assertThat(update.shown().assets()).extracting(a -> a.key()).contains("raw", "report");
        RecordingListener.await("the log's failure", () -> !listener.eventLogFailures.isEmpty());
        assertThat(listener.eventLogFailures.get(0)).contains(file.toString()).contains("damaged");
        session.materialize("raw");
        RecordingListener.await("the run to be refused", () -> !listener.notStarted.isEmpty());
        assertThat(listener.notStarted.get(0)).contains("event log cannot be opened");
        assertThat(session.read(log -> log.runs(null, 10))).failsWithin(Duration.ofSeconds(5));
        assertThat(listener.statuses).isEmpty();
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void aWorkerThatExitsOnItsOwnFailsItsRunWithTheReason() {
        open(TestAssetJars.exiting(jars));
        listener.awaitDefinitions(u -> true);
        session.materialize("exits");
        String runId = listener.awaitRunId();

        Event end = listener.awaitEvents(runId, e -> e.type().endsRun()).stream()
                .filter(e -> e.type().endsRun()).findFirst().orElseThrow();

        assertThat(end.type()).isEqualTo(EventType.RUN_FAILURE);
        assertThat(end.message()).contains("exited with code 3", "while running exits", "giving up on the whole process");
        assertThat(listener.awaitRun(r -> r.runId().equals(runId) && r.status().isFinished()).status())
                .isEqualTo(RunStatus.FAILURE);
    }
}
