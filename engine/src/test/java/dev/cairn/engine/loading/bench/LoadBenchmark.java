package dev.cairn.engine.loading.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.cairn.api.DefinitionsProvider;
import dev.cairn.api.IOManager;
import dev.cairn.api.InputContext;
import dev.cairn.api.OutputContext;
import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.loading.JarLoader;
import dev.cairn.engine.testjars.TestJars;

/**
 * Measures how long loading a jar's definitions takes (scan, reflect, bind, validate, graph, job
 * checks) for jars of layered assets: 100 assets per class, each asset depending by parameter
 * name on one or two assets of the layer before.
 *
 * <p>Run with the test class path, for example
 * {@code java -cp engine/target/classes:engine/target/test-classes:<deps> dev.cairn.engine.loading.bench.LoadBenchmark 1000 10000}.
 * Process CPU time is printed next to wall time because on a busy machine wall time mostly
 * measures the wait for a core.
 */
public final class LoadBenchmark {

    private static final int PER_CLASS = 100;
    private static final int LAYER_WIDTH = 100;
    private static final int WARM_RUNS = 10;

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private static final IOManager UNUSED = new IOManager() {
        @Override
        public void handleOutput(OutputContext context, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object loadInput(InputContext context) {
            throw new UnsupportedOperationException();
        }
    };

    private LoadBenchmark() {
    }

    /**
     * Builds a jar for each size (default 1,000 and 10,000), then times its loads in a fresh JVM,
     * so that the first load is as cold as an app's first load. With {@code --measure JAR SIZE},
     * is that fresh JVM.
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--measure")) {
            measure(Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        int[] sizes = args.length == 0 ? new int[] {1_000, 10_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Path dir = Files.createTempDirectory("cairn-load-bench");
        for (int size : sizes) {
            long t0 = System.nanoTime();
            Path jar = buildJar(dir.resolve("n" + size), size);
            System.out.printf("%,d assets: jar built in %,d ms (%,d KiB)%n", size, millis(t0), Files.size(jar) / 1024);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LoadBenchmark.class.getName(),
                    "--measure", jar.toString(), Integer.toString(size)).inheritIO().start();
            if (child.waitFor() != 0) {
                throw new IllegalStateException("the measuring JVM failed");
            }
        }
    }

    private static void measure(Path jar, int size) throws Exception {
        JarLoader loader = new JarLoader(jar.resolveSibling("workspace"), Map.of("io_manager", UNUSED));
        long[] first = timeLoad(loader, jar, size);
        long[] wall = new long[WARM_RUNS];
        long[] cpu = new long[WARM_RUNS];
        for (int i = 0; i < WARM_RUNS; i++) {
            long[] times = timeLoad(loader, jar, size);
            wall[i] = times[0];
            cpu[i] = times[1];
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("%,d assets: first load in a fresh JVM %,d ms (process CPU %,d ms); next %d loads: wall min %,d /"
                        + " median %,d ms, process CPU min %,d / median %,d ms%n",
                size, first[0] / 1_000_000, first[1] / 1_000_000, WARM_RUNS, wall[0] / 1_000_000,
                wall[WARM_RUNS / 2] / 1_000_000, cpu[0] / 1_000_000, cpu[WARM_RUNS / 2] / 1_000_000);
    }

    /** Wall time and CPU time of the whole process (every thread, including GC and JIT) of one load, in ns. */
    private static long[] timeLoad(JarLoader loader, Path jar, int size) throws Exception {
        long cpuStart = PROCESS.getProcessCpuTime();
        long start = System.nanoTime();
        LoadedDefinitions defs = loader.load(jar);
        long elapsed = System.nanoTime() - start;
        long cpu = PROCESS.getProcessCpuTime() - cpuStart;
        try (defs) {
            if (!defs.snapshot().problems().isEmpty() || defs.requireGraph().assets().size() != size) {
                throw new IllegalStateException("unexpected load result: " + defs.snapshot().problems());
            }
        }
        return new long[] {elapsed, cpu};
    }

    private static Path buildJar(Path dir, int size) throws Exception {
        Files.createDirectories(dir);
        Random random = new Random(42);
        TestJars.Builder jar = TestJars.builder();
        for (int c = 0; c * PER_CLASS < size; c++) {
            StringBuilder src = new StringBuilder("package bench;\nimport dev.cairn.api.*;\npublic class Assets" + c + " {\n");
            for (int i = c * PER_CLASS; i < Math.min(size, (c + 1) * PER_CLASS); i++) {
                int layer = i / LAYER_WIDTH;
                List<String> params = new ArrayList<>();
                if (layer > 0) {
                    int upstreams = 1 + random.nextInt(2);
                    for (int u = 0; u < upstreams; u++) {
                        String up = "a" + ((layer - 1) * LAYER_WIDTH + random.nextInt(LAYER_WIDTH));
                        if (!params.contains("long " + up)) {
                            params.add("long " + up);
                        }
                    }
                }
                src.append("    @Asset(group = \"layer").append(layer % 10).append("\", codeVersion = \"1\")\n")
                        .append("    public static long a").append(i).append('(').append(String.join(", ", params))
                        .append(") { return ").append(i).append("L; }\n");
            }
            jar.source("bench.Assets" + c, src.append("}\n").toString());
        }
        jar.source("bench.Defs", """
                package bench;
                public class Defs implements dev.cairn.api.DefinitionsProvider {
                    public void define(dev.cairn.api.Definitions defs) {
                        defs.job("everything", "*", "");
                        defs.job("last", "*a%d", "");
                        defs.job("first_layers", "group:layer0*, group:layer1", "");
                    }
                }
                """.formatted(size - 1));
        jar.service(DefinitionsProvider.class, "bench.Defs");
        return jar.build(dir);
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
