package dev.cairn.app;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

import javafx.beans.value.ObservableObjectValue;
import javafx.scene.Scene;

/**
 * Prints when the window drew its first frame and when it first drew a graph, for measuring start-up
 * ({@code packaging/startup-benchmark.sh}); on only with {@code -Dcairn.startupReport=true}. Each
 * line carries the wall-clock time in epoch milliseconds, so that a script can compare it with the
 * moment it launched the app, the time since this process started and the CPU time it has used.
 */
final class StartupReport implements Runnable {

    /** The system property that turns the report on. */
    static final String PROPERTY = "cairn.startupReport";

    private final Scene scene;
    private final ObservableObjectValue<?> graph;
    private final PrintStream out;
    private final long processStart;
    private boolean firstFrameSeen;

    private StartupReport(Scene scene, ObservableObjectValue<?> graph, PrintStream out) {
        this.scene = scene;
        this.graph = graph;
        this.out = out;
        this.processStart = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }

    /**
     * Reports on {@code scene}'s next pulses, if the property is set.
     *
     * @param graph the laid-out graph, null until one is shown
     */
    static void attachIfRequested(Scene scene, ObservableObjectValue<?> graph, PrintStream out) {
        if (Boolean.getBoolean(PROPERTY)) {
            scene.addPostLayoutPulseListener(new StartupReport(scene, graph, out));
        }
    }

    /** After each pulse's layout; the frame it lays out is drawn at the end of the same pulse. */
    @Override
    public void run() {
        long now = System.currentTimeMillis();
        if (!firstFrameSeen) {
            firstFrameSeen = true;
            print("first-frame", now);
        }
        if (graph.get() != null) {
            print("graph-drawn", now);
            scene.removePostLayoutPulseListener(this);
        }
    }

    /** The CPU time is of every thread, the JIT compilers' included: on a busy machine it is steadier than wall time. */
    private void print(String what, long now) {
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        out.println("cairn-startup " + what + " at=" + now
                + (processStart < 0 ? "" : " after-process-start-ms=" + (now - processStart))
                + (cpu < 0 ? "" : " cpu-ms=" + cpu));
    }
}
