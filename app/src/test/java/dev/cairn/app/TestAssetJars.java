package dev.cairn.app;

import java.nio.file.Path;

import dev.cairn.engine.testjars.TestJars;

/** Asset jars the app's tests open, compiled at test time like a user's. */
public final class TestAssetJars {

    private TestAssetJars() {
    }

    /**
     * {@code raw -> cleaned -> report}, plus {@code failing} (throws) below {@code raw}; {@code raw}
     * has the given code version, so rebuilding with another one makes it stale.
     */
    public static Path pipeline(Path dir, String rawCodeVersion) {
        return TestJars.builder().fileName("pipeline.jar").source("demo.Pipeline", """
                package demo;
                import dev.cairn.api.*;
                import java.util.List;
                public class Pipeline {
                    @Asset(group = "ingest", codeVersion = "%s", description = "Raw rows")
                    public static List<Integer> raw(AssetContext ctx) {
                        ctx.log().info("loading raw rows");
                        return List.of(1, 2, 3);
                    }
                    @Asset(group = "ingest", codeVersion = "1")
                    public static List<Integer> cleaned(List<Integer> raw) { return raw.stream().map(i -> i * 2).toList(); }
                    @Asset(group = "reports", codeVersion = "1")
                    public static int report(List<Integer> cleaned) { return cleaned.size(); }
                    @Asset(group = "reports", codeVersion = "1")
                    public static int failing(List<Integer> raw) { throw new IllegalStateException("the warehouse is unreachable"); }
                }
                """.formatted(rawCodeVersion)).build(dir);
    }

    /** {@code quick -> slow}: slow sleeps for a minute unless interrupted (a canceled run interrupts it). */
    public static Path slow(Path dir) {
        return TestJars.builder().fileName("slow.jar").source("demo.Slow", """
                package demo;
                import dev.cairn.api.*;
                public class Slow {
                    @Asset(codeVersion = "1") public static int quick() { return 1; }
                    @Asset(codeVersion = "1") public static int slow(int quick) throws InterruptedException {
                        Thread.sleep(60_000);
                        return quick + 1;
                    }
                }
                """).build(dir);
    }

    /**
     * {@code stubborn} ignores interrupts for a minute and holds its process's shutdown for as long:
     * canceling it needs the worker killed.
     */
    public static Path stubborn(Path dir) {
        return TestJars.builder().fileName("stubborn.jar").source("demo.Stubborn", """
                package demo;
                import dev.cairn.api.*;
                public class Stubborn {
                    @Asset(codeVersion = "1") public static int stubborn() {
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                            try { Thread.sleep(60_000); } catch (InterruptedException ignored) { }
                        }));
                        long end = System.currentTimeMillis() + 60_000;
                        while (System.currentTimeMillis() < end) {
                            try { Thread.sleep(50); } catch (InterruptedException ignored) { }
                        }
                        return 1;
                    }
                }
                """).build(dir);
    }

    /** {@code exits} ends its process with code 3, as a careless asset might. */
    public static Path exiting(Path dir) {
        return TestJars.builder().fileName("exiting.jar").source("demo.Exiting", """
                package demo;
                import dev.cairn.api.*;
                public class Exiting {
                    @Asset(codeVersion = "1") public static int exits() {
                        System.err.println("giving up on the whole process");
                        System.exit(3);
                        return 0;
                    }
                }
                """).build(dir);
    }

    /** Two assets that depend on each other, and one that names an upstream that does not exist. */
    public static Path broken(Path dir, String fileName) {
        return TestJars.builder().fileName(fileName).source("demo.Broken", """
                package demo;
                import dev.cairn.api.*;
                public class Broken {
                    @Asset public static int ping(int pong) { return pong; }
                    @Asset public static int pong(int ping) { return ping; }
                    @Asset public static int orphan(int nowhere) { return nowhere; }
                }
                """).build(dir);
    }
}
