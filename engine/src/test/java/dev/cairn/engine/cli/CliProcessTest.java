package dev.cairn.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.instance.CairnInstance;
import dev.cairn.engine.json.CairnJson;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;
import dev.cairn.engine.storage.h2.H2EventLog;
import dev.cairn.engine.testjars.TestJars;

/**
 * {@code cairn materialize} in a real child JVM, as the app runs it: killed mid-run, canceled through
 * stdin, or taken down by an asset that calls System.exit. Whatever happens, every event the
 * child reported as committed is in the log, and the run does not stay "running".
 */
class CliProcessTest {

    @TempDir
    Path dir;

    private final CairnJson json = new CairnJson();

    /** Ten assets in a chain, each taking 150 ms; {@code exit_now} calls System.exit(3). */
    private Path jar() {
        StringBuilder src = new StringBuilder("""
                package slow;
                import dev.cairn.api.*;
                public class Chain {
                    static int work(int x) throws InterruptedException { Thread.sleep(150); return x + 1; }
                    @Asset public static int s0() throws Exception { return work(0); }
                    @Asset public static int exit_now() { System.exit(3); return 0; }
                """);
        for (int i = 1; i < 10; i++) {
            src.append("    @Asset public static int s").append(i).append("(int s").append(i - 1)
                    .append(") throws Exception { return work(s").append(i - 1).append("); }\n");
        }
        return TestJars.builder().source("slow.Chain", src.append("}\n").toString()).build(dir);
    }

    private Process start(Path jar, String selection) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dh2.bindAddress=127.0.0.1",
                "-cp", System.getProperty("java.class.path"), CairnCli.class.getName(),
                "materialize", "--events", "--jar", jar.toString(), "--workspace", dir.resolve("ws").toString(),
                "--select", selection)
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    @Test
    void withoutAJarTheExampleIsPutUnderTheHomeAndOpenedFromThere() throws Exception {
        Path example = jar();
        Path home = dir.resolve("home");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dh2.bindAddress=127.0.0.1", "-Dcairn.home=" + home, "-Dcairn.example.source=" + example,
                "-cp", System.getProperty("java.class.path"), CairnCli.class.getName(), "assets")
                .redirectErrorStream(true);
        builder.environment().remove(JarOptions.JAR_ENV);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("s9").contains("exit_now");
        Path installed = home.resolve("examples").resolve("cairn-examples.jar");
        assertThat(Files.readAllBytes(installed)).isEqualTo(Files.readAllBytes(example));
        // The workspace is the installed jar's, the one the app opens too.
        assertThat(dev.cairn.engine.workspace.Workspace.forJar(installed, home).folder().resolve("eventlog.mv.db")).exists();
    }

    /** Reads committed events from the child until {@code materializations} materializations were reported. */
    private List<Event> readUntil(Process p, int materializations) throws IOException {
        List<Event> seen = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        int count = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            Event e = json.read(line, Event.class);
            seen.add(e);
            if (e.type() == EventType.ASSET_MATERIALIZATION && ++count == materializations) {
                return seen;
            }
        }
        throw new AssertionError("the child ended early: " + Files.readString(dir.resolve("stderr.txt")));
    }

    private CairnInstance reopen(Path jar) {
        return CairnInstance.open(new CairnInstance.Config(jar, List.of(), dir.resolve("ws"), H2EventLog.Mode.EXCLUSIVE));
    }

    @Test
    void aKilledRunKeepsEveryCommittedEventAndIsMarkedFailed() throws Exception {
        Path jar = jar();
        Process child = start(jar, "*s9");
        List<Event> reported = readUntil(child, 3);
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        try (CairnInstance instance = reopen(jar)) {
            String runId = reported.get(0).runId();
            List<Event> stored = instance.eventLog().eventsAfter(runId, 0, 10_000);
            assertThat(stored).extracting(Event::id).containsAll(reported.stream().map(Event::id).toList());
            RunRecord run = instance.eventLog().run(runId).orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.FAILURE);
            assertThat(run.failureReason()).contains(Long.toString(child.pid()));
            assertThat(instance.eventLog().latestMaterializations()).containsKeys("s0", "s1", "s2");
        }
    }

    @Test
    void cancelOnStdinCancelsTheRunWithinTwoSeconds() throws Exception {
        Path jar = jar();
        Process child = start(jar, "*s9");
        List<Event> reported = readUntil(child, 1);
        long asked = System.nanoTime();
        child.getOutputStream().write("cancel\n".getBytes(StandardCharsets.UTF_8));
        child.getOutputStream().flush();
        assertThat(child.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - asked)).isLessThan(java.time.Duration.ofSeconds(2));
        assertThat(child.exitValue()).isEqualTo(CairnCli.RUN_FAILED);

        try (CairnInstance instance = reopen(jar)) {
            RunRecord run = instance.eventLog().run(reported.get(0).runId()).orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.CANCELED);
            assertThat(instance.eventLog().latestMaterializations()).doesNotContainKey("s9");
        }
    }

    @Test
    void anAssetCallingSystemExitLeavesTheRunFailedWithTheReason() throws Exception {
        Path jar = jar();
        Process child = start(jar, "exit_now");
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(3);

        try (CairnInstance instance = reopen(jar)) {
            List<RunRecord> runs = instance.eventLog().runs(null, 10);
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).status()).isEqualTo(RunStatus.FAILURE);
            assertThat(runs.get(0).failureReason()).contains("is gone");
        }
    }
}
