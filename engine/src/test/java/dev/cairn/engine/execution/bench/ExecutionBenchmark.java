package dev.cairn.engine.execution.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.execution.RunExecutor;
import dev.cairn.engine.execution.RunOptions;
import dev.cairn.engine.execution.RunResult;
import dev.cairn.engine.io.InMemoryIOManager;
import dev.cairn.engine.loading.JarLoader;
import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.h2.H2EventLog;
import dev.cairn.engine.storage.memory.InMemoryEventLog;
import dev.cairn.engine.testjars.TestJars;

/**
 * Times runs of many no-op assets end to end: from start until the run's success is committed.
 * Prints figures; asserts nothing. Every event is durable in H2 (written to the file) when a run
 * reports success, since the executor waits for the commit of RUN_SUCCESS.
 *
 * <pre>
 * java -cp &lt;test classpath&gt; dev.cairn.engine.execution.bench.ExecutionBenchmark [assets] [rounds]
 * </pre>
 */
public final class ExecutionBenchmark {

    private ExecutionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length > 0 ? java.util.Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1_000, 10_000};
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int assets : sizes) {
            run(assets, rounds);
        }
        long peakHeap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("peak heap (sum of heap pools' peaks, an upper bound): %d MB%n", peakHeap / (1024 * 1024));
    }

    private static void run(int assets, int rounds) throws Exception {
        Path dir = Files.createTempDirectory("cairn-bench");
        Path jar = generatedJar(dir, assets);
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            try (LoadedDefinitions defs = new JarLoader(dir, Map.of("io_manager", new InMemoryIOManager())).load(jar)) {
                defs.requireGraph();
                System.out.printf("%d assets: load definitions round %d: %.0f ms%n", assets, round,
                        (System.nanoTime() - start) / 1e6);
            }
        }
        try (LoadedDefinitions defs = new JarLoader(dir, Map.of("io_manager", new InMemoryIOManager())).load(jar)) {
            System.out.printf("%d no-op assets, %d edges, %d cores%n", assets, defs.requireGraph().edgeCount(),
                    Runtime.getRuntime().availableProcessors());
            for (int round = 1; round <= rounds; round++) {
                try (EventLog log = new InMemoryEventLog()) {
                    time("in-memory log", round, defs, log);
                }
            }
            // Each round on a fresh file, and one more round on a file that already holds the earlier runs.
            Path reused = dir.resolve("reused-eventlog");
            for (int round = 1; round <= rounds; round++) {
                try (EventLog log = H2EventLog.open(dir.resolve("eventlog-" + round), H2EventLog.Mode.EXCLUSIVE)) {
                    time("H2, new file", round, defs, log);
                }
                try (EventLog log = H2EventLog.open(reused, H2EventLog.Mode.EXCLUSIVE)) {
                    time("H2, same file", round, defs, log);
                }
            }
        }
    }

    private static void time(String label, int round, LoadedDefinitions defs, EventLog log) throws Exception {
        RunExecutor executor = new RunExecutor(defs, log);
        Set<String> all = new HashSet<>(defs.requireGraph().assets().keySet());
        long start = System.nanoTime();
        RunResult result = executor.start(executor.plan(all), RunOptions.defaults("*"), List.of()).await();
        double millis = (System.nanoTime() - start) / 1e6;
        long events = log.eventsAfter(result.run().runId(), 0, Integer.MAX_VALUE).size();
        System.out.printf("%-16s round %d: %s in %.0f ms, %.3f ms/asset, %d events (%.0f events/s)%n", label, round,
                result.run().status(), millis, millis / all.size(), events, events / (millis / 1000));
    }

    /**
     * Classes of 250 no-op assets each; every asset loads up to two earlier ones as inputs (through the
     * in-memory IO manager) and returns a constant.
     */
    static Path generatedJar(Path dir, int assets) {
        Random random = new Random(42);
        TestJars.Builder builder = TestJars.builder();
        int perClass = 250;
        for (int c = 0; c * perClass < assets; c++) {
            StringBuilder src = new StringBuilder("package bench;\nimport dev.cairn.api.*;\npublic class Assets" + c + " {\n");
            for (int i = c * perClass; i < Math.min(assets, (c + 1) * perClass); i++) {
                StringBuilder params = new StringBuilder();
                java.util.Set<Integer> ups = new java.util.TreeSet<>();
                for (int d = 0; d < 2 && i > 0; d++) {
                    ups.add(Math.max(0, i - 1 - random.nextInt(Math.min(i, 200))));
                }
                for (int up : ups) {
                    params.append(params.length() == 0 ? "" : ", ").append("int a").append(up);
                }
                src.append("  @Asset(codeVersion = \"1\") public static int a").append(i).append("(")
                        .append(params).append(") { return 1; }\n");
            }
            builder.source("bench.Assets" + c, src.append("}\n").toString());
        }
        return builder.build(dir);
    }
}
