package dev.cairn.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.app.TestAssetJars;

class WorkerLauncherTest {

    @TempDir
    Path home;
    @TempDir
    Path jars;

    @Test
    void backgroundWorkersRunAtALowerPriorityThanTheApp() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/nice")) || Files.isExecutable(Path.of("/bin/nice")),
                "this system has no nice");
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "priorities are read from /proc");
        WorkerLauncher launcher = WorkerLauncher.ofThisProcess(home);
        Path jar = TestAssetJars.slow(jars);
        WorkerProcess worker = launcher.startInBackground("test-background", List.of(),
                List.of("materialize", "--jar", jar.toString(), "--workspace", home.resolve("ws").toString(),
                        "--select", "*"), line -> { });
        try {
            int expected = Math.min(19, niceness(ProcessHandle.current().pid()) + WorkerLauncher.BACKGROUND_NICENESS);
            // Between the fork and nice's own setpriority the child still has the app's priority.
            RecordingListener.await("the worker at niceness " + expected, () -> niceness(worker.pid()) == expected);
            assertThat(worker.exit()).isNotDone();
        } finally {
            worker.stop(null, Duration.ZERO, Duration.ofSeconds(2)).join();
        }
    }

    /** Field 19 of /proc/PID/stat; the command name (field 2) is in parentheses and may hold spaces. */
    private static int niceness(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        } catch (java.io.IOException e) {
            return Integer.MIN_VALUE;
        }
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(after[16]);
    }
}
