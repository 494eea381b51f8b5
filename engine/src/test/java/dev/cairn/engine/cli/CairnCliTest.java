package dev.cairn.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.engine.testjars.TestJars;

/** The {@code cairn} command end to end: real jars, a real workspace and event log in a temp folder. */
class CairnCliTest {

    @TempDir
    Path dir;

    private Path jar;

    /** What one invocation printed, and its exit code. */
    record Result(int code, String out, String err) { }

    private Result cairn(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.isEmpty() && !all.contains("--jar")) {
            all.add("--jar");
            all.add(jar.toString());
        }
        all.add("--workspace");
        all.add(dir.resolve("ws").toString());
        int code = CairnCli.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static final String ASSETS = """
            package cli;
            import dev.cairn.api.*;
            import java.util.List;
            public class Assets {
                @Asset(group = "shop", codeVersion = "1", description = "Orders as they come")
                public static List<Integer> raw_orders(AssetContext ctx) {
                    ctx.addOutputMetadata("rows", MetadataValue.of(3));
                    return List.of(1, 2, 3);
                }
                @Asset(group = "shop", codeVersion = "1")
                public static int order_count(List<Integer> raw_orders) { return raw_orders.size(); }
                @Asset(group = "ops")
                public static void broken(AssetContext ctx) {
                    ctx.log().warn("about to fail");
                    throw new IllegalStateException("the warehouse is unreachable");
                }
                @Asset(group = "ops")
                public static int after_broken(@In("broken") Object b) { return 1; }
            }
            """;

    @BeforeEach
    void buildJar() {
        jar = TestJars.builder().source("cli.Assets", ASSETS).build(dir);
    }

    @Test
    void assetsListsEveryAssetWithGroupAndUpstreams() {
        Result r = cairn("assets");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("raw_orders", "order_count", "shop", "Orders as they come", "4 assets");
        assertThat(r.out()).containsPattern("order_count\\s+shop\\s+asset\\s+1\\s+raw_orders");
    }

    @Test
    void aDefaultJarServesCommandsThatNameNoneAndANamedJarWins() {
        assumeTrue(JarOptions.jarFromEnvironment() == null, "CAIRN_JAR is set in this environment");
        String ws = dir.resolve("ws").toString();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CairnCli.execute(new String[] {"assets", "--workspace", ws},
                new PrintWriter(out, true), new PrintWriter(err, true), jar);
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("raw_orders", "4 assets");

        StringWriter none = new StringWriter();
        assertThat(CairnCli.execute(new String[] {"assets", "--workspace", ws},
                new PrintWriter(new StringWriter(), true), new PrintWriter(none, true), null)).isEqualTo(CairnCli.BAD_INPUT);
        assertThat(none.toString()).contains("no asset jar given");

        StringWriter named = new StringWriter();
        code = CairnCli.execute(new String[] {"assets", "--jar", jar.toString(), "--workspace", ws},
                new PrintWriter(named, true), new PrintWriter(new StringWriter(), true), dir.resolve("missing.jar"));
        assertThat(code).isZero();
        assertThat(named.toString()).contains("raw_orders");
    }

    @Test
    void aRunNeedingAnUnsetVariableIsBadInputNamingTheResourceAndVariable() {
        String unset = "CAIRN_TEST_UNSET_" + java.util.UUID.randomUUID().toString().replace('-', '_');
        jar = TestJars.builder().fileName("env.jar")
                .source("env.Token", "package env; public record Token(dev.cairn.api.EnvVar value) { }")
                .source("env.Assets", """
                        package env;
                        import dev.cairn.api.*;
                        public class Assets {
                            @Asset public static int calls(Token token) { return token.value().value().length(); }
                        }
                        """)
                .source("env.Defs", """
                        package env;
                        import dev.cairn.api.*;
                        public class Defs implements DefinitionsProvider {
                            public void define(Definitions defs) { defs.resource("api_token", new Token(EnvVar.of("%s"))); }
                        }
                        """.formatted(unset))
                .service(dev.cairn.api.DefinitionsProvider.class, "env.Defs")
                .build(dir);

        Result r = cairn("materialize");

        assertThat(r.code()).isEqualTo(CairnCli.BAD_INPUT);
        assertThat(r.err()).contains("resource 'api_token' needs " + unset, "used by 'calls'");
        assertThat(cairn("runs").out()).doesNotContain("calls");
    }

    @Test
    void materializeSucceedsWithProgressAndExitZero() {
        Result r = cairn("materialize", "--select", "*order_count");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 step(s)", "SUCCESS").containsPattern("done\\s+raw_orders")
                .containsPattern("done\\s+order_count");
    }

    @Test
    void aFailingAssetExitsOneAndShowsWhy() {
        Result r = cairn("materialize", "--select", "broken*");
        assertThat(r.code()).isEqualTo(CairnCli.RUN_FAILED);
        assertThat(r.out()).containsPattern("FAILED\\s+broken\\s+IllegalStateException: the warehouse is unreachable")
                .containsPattern("skipped\\s+after_broken").contains("FAILURE", "about to fail");
    }

    @Test
    void runsRunAndHistoryShowWhatHappened() {
        cairn("materialize", "--select", "raw_orders");
        cairn("materialize", "--select", "raw_orders");
        Result runs = cairn("runs");
        assertThat(runs.code()).isZero();
        assertThat(runs.out().lines().filter(l -> l.contains("SUCCESS")).count()).isEqualTo(2);
        String shortId = runs.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];

        Result run = cairn("run", shortId);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("RUN_STARTED", "STEP_STARTED", "ASSET_MATERIALIZATION", "RUN_SUCCESS");

        Result history = cairn("history", "raw_orders");
        assertThat(history.code()).isZero();
        assertThat(history.out()).contains("rows");
        assertThat(history.out().lines().filter(l -> l.matches("\\d{4}-.*")).count()).isEqualTo(2);
    }

    @Test
    void statusAndWhyExplainStaleness() {
        cairn("materialize", "--select", "*order_count");
        Result fresh = cairn("status", "--select", "group:shop");
        assertThat(fresh.out()).contains("2 fresh, 0 stale, 0 missing");

        jar = TestJars.builder().source("cli.Assets", ASSETS.replace(
                "@Asset(group = \"shop\", codeVersion = \"1\", description", "@Asset(group = \"shop\", codeVersion = \"2\", description"))
                .build(dir);
        Result stale = cairn("status");
        assertThat(stale.out()).containsPattern("raw_orders\\s+stale.*code version changed from 1 to 2");
        Result why = cairn("why", "order_count");
        assertThat(why.out()).contains("`order_count` is fresh",
                "will be stale once `raw_orders` is re-materialized, because code version changed from 1 to 2");
    }

    @Test
    void badInputExitsTwoWithAOneLineReason() throws Exception {
        Result unknown = cairn("materialize", "--select", "raw_ordrs");
        assertThat(unknown.code()).isEqualTo(CairnCli.BAD_INPUT);
        assertThat(unknown.err()).contains("raw_orders");

        Result notMaterialized = cairn("materialize", "--select", "order_count");
        assertThat(notMaterialized.code()).isEqualTo(CairnCli.BAD_INPUT);
        assertThat(notMaterialized.err()).contains("raw_orders", "+order_count");

        Path notAJar = Files.writeString(dir.resolve("notes.jar"), "this is not a zip");
        Result broken = cairn("assets", "--jar", notAJar.toString());
        assertThat(broken.code()).isEqualTo(CairnCli.BAD_INPUT);
        assertThat(broken.err()).contains("notes.jar");

        Result missing = cairn("assets", "--jar", dir.resolve("nope.jar").toString());
        assertThat(missing.code()).isEqualTo(CairnCli.BAD_INPUT);
        assertThat(missing.err()).contains("does not exist");
    }

    @Test
    void aCycleIsReportedWithTheCycle() {
        jar = TestJars.builder().source("cy.A", """
                package cy;
                import dev.cairn.api.*;
                public class A {
                    @Asset public static int a(int c) { return 1; }
                    @Asset public static int b(int a) { return 1; }
                    @Asset public static int c(int b) { return 1; }
                }
                """).fileName("cycle.jar").build(dir);
        Result r = cairn("assets");
        assertThat(r.code()).isEqualTo(CairnCli.BAD_INPUT);
        assertThat(r.err()).contains("a -> b -> c -> a");
    }

    @Test
    void snapshotPrintsTheDefinitionsAsJson() {
        Result r = cairn("snapshot");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("{").contains("\"raw_orders\"", "\"problems\"");
    }
}
