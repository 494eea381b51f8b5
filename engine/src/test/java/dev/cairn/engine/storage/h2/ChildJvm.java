package dev.cairn.engine.storage.h2;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real second JVM running {@link EventLogChild}, on the test's class path. */
final class ChildJvm implements AutoCloseable {

    private static final String EOF = "\u0000EOF";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final PrintStream stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path stderr;

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.stdin = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readStdout, "child-" + process.pid() + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a child JVM; its stderr goes to a file in {@code dir}, shown when a test fails. */
    static ChildJvm start(Path dir, String... jvmOptions) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EventLogChild.class.getName()));
        try {
            Path stderr = Files.createTempFile(dir, "child", ".stderr");
            Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            return new ChildJvm(p, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readStdout() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The process died; EOF below tells the test.
        }
        lines.add(EOF);
    }

    long pid() {
        return process.pid();
    }

    /** Sends a command and returns its one-line answer. */
    String ask(String command) {
        stdin.println(command);
        return nextLine();
    }

    /** The next line the child printed. */
    String nextLine() {
        try {
            String line = lines.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (line == null || line.equals(EOF)) {
                fail("the child process " + (line == null ? "did not answer" : "ended") + "; its stderr:\n" + stderr());
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every line printed until the process ended (call after it was killed). */
    List<String> remainingLines() {
        List<String> rest = new ArrayList<>();
        try {
            for (String line = lines.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS); line != null && !line.equals(EOF);
                    line = lines.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                rest.add(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return rest;
    }

    /** SIGKILL on Unix: no shutdown hooks, no H2 close. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Lets the child end by closing its stdin; kills it if it has not ended after 10 s. */
    @Override
    public void close() {
        stdin.close();
        try {
            if (process.waitFor(10, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }
}
