package dev.cairn.engine.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.engine.storage.LocalProcess;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;
import dev.cairn.engine.storage.h2.H2EventLog;
import dev.cairn.engine.testjars.TestJars;

class RunConflictTest {

    @TempDir
    Path dir;

    @Test
    void aRunIsRefusedWhileALiveRunHoldsSomeOfItsAssetsButNotForADeadOne() throws Exception {
        Path jar = TestJars.builder().source("demo.Assets", """
                package demo;
                import dev.cairn.api.*;
                public class Assets {
                    @Asset public static int a() { return 1; }
                    @Asset public static int b(int a) { return a + 1; }
                    @Asset public static int c() { return 3; }
                }
                """).build(dir);
        try (CairnInstance instance = CairnInstance.open(
                new CairnInstance.Config(jar, List.of(), dir.resolve("ws"), H2EventLog.Mode.EXCLUSIVE))) {
            // A run of this (live) process that computes a and b and has not ended.
            instance.eventLog().createRun(new RunRecord("live-run-1", RunStatus.STARTED, "*b", List.of("a", "b"),
                    Instant.now(), null, LocalProcess.pid(), LocalProcess.host(), null));

            assertThatThrownBy(() -> instance.materialize("b", 1))
                    .isInstanceOf(RunConflictException.class)
                    .hasMessageContaining("b (run live-run, process " + LocalProcess.pid() + ")")
                    .satisfies(e -> assertThat(((RunConflictException) e).conflicts())
                            .containsExactly(new RunConflictException.Conflict("live-run-1", LocalProcess.pid(),
                                    List.of("b"))));
            assertThat(instance.materialize("c", 1).await().run().status()).isEqualTo(RunStatus.SUCCESS);

            // A run whose process is gone does not block: it is marked failed instead.
            long deadPid = new ProcessBuilder("true").start().onExit().get().pid();
            instance.eventLog().createRun(new RunRecord("dead-run-1", RunStatus.STARTED, "a", List.of("a"),
                    Instant.now(), null, deadPid, LocalProcess.host(), null));
            assertThatThrownBy(() -> instance.materialize("a", 1)).hasMessageNotContaining("dead-run");
            assertThat(instance.eventLog().run("dead-run-1").orElseThrow().status()).isEqualTo(RunStatus.FAILURE);
        }
    }
}
