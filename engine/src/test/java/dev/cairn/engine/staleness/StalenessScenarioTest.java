package dev.cairn.engine.staleness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.api.DefinitionsProvider;
import dev.cairn.engine.execution.RunResult;
import dev.cairn.engine.instance.CairnInstance;
import dev.cairn.engine.storage.RunStatus;
import dev.cairn.engine.storage.h2.H2EventLog;
import dev.cairn.engine.testjars.TestJars;

/**
 * Staleness end to end: real jars (rebuilt between steps like a user would), real runs, a real H2
 * event log in a temp folder. Each scenario states the expected status and causes.
 *
 * <p>Asset values come from files in the test's folder, so a test changes an asset's output by
 * writing a file; the default IO manager hashes what it writes, so identical output means an
 * identical data version.
 */
class StalenessScenarioTest {

    @TempDir
    Path dir;

    private Path jarDir;
    private Path workspace;
    private CairnInstance instance;

    @BeforeEach
    void setUp() throws Exception {
        jarDir = Files.createDirectories(dir.resolve("jars"));
        workspace = dir.resolve("workspace");
        System.setProperty("scenario.dir", dir.toString());
    }

    @AfterEach
    void tearDown() {
        if (instance != null) {
            instance.close();
        }
        System.clearProperty("scenario.dir");
    }

    /**
     * The jar: {@code raw} reads file raw.txt; {@code orders} and {@code customers} derive from it;
     * {@code report} depends on the given upstreams. Code versions are parameters of the build.
     */
    private void build(String rawCode, String reportUpstreams, boolean failingRaw) {
        String reportParams = String.join(", ", java.util.Arrays.stream(reportUpstreams.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(s -> "String " + s).toList());
        String source = """
                package sc;
                import dev.cairn.api.*;
                import java.nio.file.*;
                public class Assets {
                    static String read(String name) throws Exception {
                        Path p = Path.of(System.getProperty("scenario.dir"), name);
                        return Files.exists(p) ? Files.readString(p) : "default";
                    }
                    @Asset(codeVersion = "%s")
                    public static String raw() throws Exception {
                        if (%s) throw new IllegalStateException("source system is down");
                        return read("raw.txt");
                    }
                    @Asset(codeVersion = "1")
                    public static String orders(String raw) { return raw.toUpperCase(); }
                    @Asset(codeVersion = "1")
                    public static String customers(String raw) { return raw.length() + " customers"; }
                    @Asset(codeVersion = "1")
                    public static String report(%s) { return "report"; }
                }
                """.formatted(rawCode, failingRaw, reportParams);
        String provider = """
                package sc;
                import dev.cairn.api.*;
                import java.nio.file.*;
                public class Defs implements DefinitionsProvider {
                    public void define(Definitions defs) {
                        defs.sourceAsset(SourceAsset.of("feed").observedBy(ctx ->
                                Files.readString(Path.of(System.getProperty("scenario.dir"), "feed.txt"))));
                        defs.assets(Assets.class, Feed.class);
                    }
                }
                """;
        String feed = """
                package sc;
                import dev.cairn.api.*;
                public class Feed {
                    @Asset(codeVersion = "1", deps = {"feed"})
                    public static String digest() { return "digest"; }
                }
                """;
        Path jar = TestJars.builder().source("sc.Assets", source).source("sc.Defs", provider).source("sc.Feed", feed)
                .service(DefinitionsProvider.class, "sc.Defs").fileName("assets.jar").build(jarDir);
        if (instance == null) {
            instance = CairnInstance.open(new CairnInstance.Config(jar, List.of(), workspace, H2EventLog.Mode.EXCLUSIVE));
        } else {
            instance.reload();
        }
        assertThat(instance.definitions().snapshot().problems()).isEmpty();
    }

    private void write(String file, String content) throws Exception {
        Files.writeString(dir.resolve(file), content);
    }

    private RunResult materialize(String selection) throws Exception {
        return instance.materialize(selection, 2).await();
    }

    private Map<String, AssetState> states() {
        return instance.status().states();
    }

    private List<String> causes(String key) {
        return states().get(key).causes().stream().map(StaleCause::message).toList();
    }

    @Test
    void neverMaterializedAssetsAreMissing() throws Exception {
        write("feed.txt", "f1");
        build("1", "orders", false);
        assertThat(states().values()).extracting(AssetState::status)
                .containsOnly(AssetStatus.MISSING);
    }

    @Test
    void everythingIsFreshAfterAFullRun() throws Exception {
        write("feed.txt", "f1");
        build("1", "orders", false);
        assertThat(materialize("*").success()).isTrue();
        assertThat(states().values()).extracting(AssetState::status).containsOnly(AssetStatus.FRESH);
        assertThat(instance.select("status:stale, status:missing")).isEmpty();
    }

    @Test
    void codeChangeMakesTheAssetStaleAndItsDownstreamPending() throws Exception {
        write("feed.txt", "f1");
        build("1", "orders", false);
        materialize("*");
        build("2", "orders", false);
        assertThat(states().get("raw").status()).isEqualTo(AssetStatus.STALE);
        assertThat(causes("raw")).containsExactly("code version changed from 1 to 2");
        assertThat(states().get("orders").status()).isEqualTo(AssetStatus.FRESH);
        assertThat(states().get("report").upstreamChangesPending()).isTrue();
        assertThat(instance.status().explain("report").rootCauses()).extracting(RootCause::sentence)
                .containsExactly("will be stale once `raw` is re-materialized, because code version changed from 1 to 2");
        assertThat(instance.select("status:stale")).containsExactly("raw");
    }

    @Test
    void upstreamWithNewDataMakesChildrenStale() throws Exception {
        write("feed.txt", "f1");
        write("raw.txt", "a");
        build("1", "orders", false);
        materialize("*");
        write("raw.txt", "b");
        materialize("raw");
        assertThat(states().get("orders").status()).isEqualTo(AssetStatus.STALE);
        assertThat(causes("orders")).singleElement().asString()
                .startsWith("upstream `raw` has a new data version (materialized in run ");
        assertThat(states().get("customers").status()).isEqualTo(AssetStatus.STALE);
        // Not transitive: report depends on orders, which has not changed yet.
        assertThat(states().get("report").status()).isEqualTo(AssetStatus.FRESH);
        assertThat(states().get("report").upstreamChangesPending()).isTrue();
    }

    @Test
    void upstreamWithIdenticalDataChangesNothing() throws Exception {
        write("feed.txt", "f1");
        write("raw.txt", "same");
        build("1", "orders", false);
        materialize("*");
        materialize("raw");
        assertThat(states().values()).extracting(AssetState::status).containsOnly(AssetStatus.FRESH);
    }

    @Test
    void newAndRemovedDependencies() throws Exception {
        write("feed.txt", "f1");
        build("1", "orders", false);
        materialize("*");
        build("1", "customers", false);
        assertThat(states().get("report").status()).isEqualTo(AssetStatus.STALE);
        assertThat(causes("report")).containsExactly("new dependency on `customers`", "dependency on `orders` removed");
    }

    @Test
    void observedSourceWithANewVersionMakesItsDownstreamStale() throws Exception {
        write("feed.txt", "f1");
        build("1", "orders", false);
        materialize("*");
        assertThat(states().get("digest").status()).isEqualTo(AssetStatus.FRESH);
        write("feed.txt", "f2");
        materialize("feed");
        assertThat(states().get("feed").status()).isEqualTo(AssetStatus.FRESH);
        assertThat(states().get("digest").status()).isEqualTo(AssetStatus.STALE);
        assertThat(causes("digest")).singleElement().asString()
                .startsWith("upstream `feed` has a new data version (observed in run ");
    }

    @Test
    void sourceNeverObservedIsMissing() throws Exception {
        write("feed.txt", "f1");
        build("1", "orders", false);
        assertThat(states().get("feed").status()).isEqualTo(AssetStatus.MISSING);
    }

    @Test
    void failedUpstreamIsReported() throws Exception {
        write("feed.txt", "f1");
        build("1", "orders", false);
        materialize("*");
        build("1", "orders", true);
        RunResult failed = materialize("raw");
        assertThat(failed.run().status()).isEqualTo(RunStatus.FAILURE);
        assertThat(states().get("raw").latestAttemptFailed()).isTrue();
        assertThat(states().get("orders").status()).isEqualTo(AssetStatus.STALE);
        assertThat(causes("orders")).singleElement().asString().startsWith("upstream `raw` failed in its latest attempt");
    }

    @Test
    void diamondTurnsStaleThroughBothPathsAndFreshAgainAfterMaterializingStale() throws Exception {
        write("feed.txt", "f1");
        write("raw.txt", "a");
        build("1", "orders, customers", false);
        materialize("*");
        write("raw.txt", "bb");
        materialize("raw");
        assertThat(instance.select("status:stale")).containsExactlyInAnyOrder("orders", "customers");
        // Materializing what is stale turns the diamond's bottom stale through both paths.
        materialize("status:stale");
        assertThat(causes("report")).hasSize(2).allMatch(c -> c.contains("has a new data version"));
        materialize("status:stale, status:missing");
        assertThat(states().values()).extracting(AssetState::status).containsOnly(AssetStatus.FRESH);
    }
}
