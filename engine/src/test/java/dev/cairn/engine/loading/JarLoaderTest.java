package dev.cairn.engine.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.api.Asset;
import dev.cairn.api.DefinitionsProvider;
import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.DefinitionsSnapshot;
import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.definitions.ParameterBinding;
import dev.cairn.engine.definitions.Problem;
import dev.cairn.engine.definitions.RetrySpec;
import dev.cairn.engine.selection.AssetSelection;
import dev.cairn.engine.testjars.TestJars;

/** Loading valid jars end to end: discovery, binding, providers, dependencies, class loaders. */
class JarLoaderTest {

    @TempDir
    Path dir;

    static final String ORDERS = """
            package com.acme;
            import dev.cairn.api.*;
            import java.util.*;
            public class Orders {
                @Asset(group = "sales", codeVersion = "1", description = "Raw orders",
                       tags = {"pii", "tier=gold"}, owners = "team@acme")
                public static List<String> rawOrders(Warehouse warehouse) { return warehouse.orders(); }

                @Asset(group = "sales", retry = @Retry(maxRetries = 2, delayMillis = 10, backoff = Retry.Backoff.EXPONENTIAL))
                public Output<Integer> orderCount(AssetContext ctx, List<String> rawOrders) {
                    return Output.of(rawOrders.size());
                }

                @Asset(key = "order-report", deps = {"weather"}, ioManagerKey = "files")
                public void report(@In("orderCount") int count, @ResourceKey("mailer") String mailer) { }
            }
            """;

    static final String WAREHOUSE = """
            package com.acme;
            public class Warehouse {
                public java.util.List<String> orders() { return java.util.List.of("a", "b"); }
            }
            """;

    static final String DEFS = """
            package com.acme;
            import dev.cairn.api.*;
            public class Defs implements DefinitionsProvider {
                public void define(Definitions defs) {
                    defs.resource("warehouse", new Warehouse());
                    defs.resource("mailer", "smtp://mail.example");
                    defs.ioManager("files", new IOManager() {
                        public void handleOutput(OutputContext c, Object v) { }
                        public Object loadInput(InputContext c) { return null; }
                    });
                    defs.sourceAsset(SourceAsset.of("weather").group("external").description("Samples")
                            .observedBy(ctx -> "v1"));
                    defs.job("report", "*order-report", "Everything the report needs");
                    defs.job("sales", "group:sales", null);
                }
            }
            """;

    private Path validJar() {
        return TestJars.builder()
                .source("com.acme.Orders", ORDERS)
                .source("com.acme.Warehouse", WAREHOUSE)
                .source("com.acme.Defs", DEFS)
                .source("com.acme.Unused", "package com.acme; public class Unused { }")
                .service(DefinitionsProvider.class, "com.acme.Defs")
                .build(dir);
    }

    @Test
    void loadsAssetsResourcesSourcesAndJobs() throws Throwable {
        Path jar = validJar();
        try (LoadedDefinitions defs = Loaders.loader(dir.resolve("ws")).load(jar)) {
            DefinitionsSnapshot snapshot = defs.snapshot();
            assertThat(snapshot.problems()).isEmpty();
            assertThat(snapshot.jarPath()).isEqualTo(jar.toRealPath().toString());
            assertThat(snapshot.assets()).extracting(AssetSpec::key)
                    .containsExactly("order-report", "orderCount", "rawOrders", "weather");

            AssetGraph graph = defs.requireGraph();
            AssetSpec raw = graph.require("rawOrders");
            assertThat(raw.group()).isEqualTo("sales");
            assertThat(raw.codeVersion()).isEqualTo("1");
            assertThat(raw.description()).isEqualTo("Raw orders");
            assertThat(raw.tags()).isEqualTo(Map.of("pii", "", "tier", "gold"));
            assertThat(raw.owners()).containsExactly("team@acme");
            assertThat(raw.parameters()).containsExactly(
                    new ParameterBinding.Resource("warehouse", null, "com.acme.Warehouse"));
            assertThat(raw.valueType()).isEqualTo("java.util.List<java.lang.String>");
            assertThat(raw.location()).isEqualTo("com.acme.Orders.rawOrders");

            AssetSpec count = graph.require("orderCount");
            assertThat(count.parameters()).containsExactly(
                    new ParameterBinding.Context("ctx"),
                    new ParameterBinding.UpstreamInput("rawOrders", "rawOrders", "java.util.List<java.lang.String>"));
            assertThat(count.valueType()).isEqualTo("java.lang.Integer");
            assertThat(count.retry()).isEqualTo(new RetrySpec(2, 10, true));
            assertThat(count.group()).isEqualTo("sales");

            AssetSpec report = graph.require("order-report");
            assertThat(report.parameters()).containsExactly(
                    new ParameterBinding.UpstreamInput("count", "orderCount", "int"),
                    new ParameterBinding.Resource("mailer", "mailer", "java.lang.String"));
            assertThat(report.nonLoadingDeps()).containsExactly("weather");
            assertThat(report.valueType()).isEqualTo("void");
            assertThat(report.ioManagerKey()).isEqualTo("files");
            assertThat(report.group()).isEqualTo(AssetSpec.DEFAULT_GROUP);

            AssetSpec weather = graph.require("weather");
            assertThat(weather.isSource()).isTrue();
            assertThat(weather.observable()).isTrue();
            assertThat(weather.group()).isEqualTo("external");
            assertThat(defs.observer("weather")).isPresent();

            assertThat(graph.parents("order-report")).containsExactlyInAnyOrder("orderCount", "weather");
            assertThat(graph.ancestors("order-report")).containsExactlyInAnyOrder("orderCount", "rawOrders", "weather");
            assertThat(graph.edgeCount()).isEqualTo(3);

            assertThat(snapshot.jobs()).extracting(j -> j.name() + "=" + j.selection())
                    .containsExactly("report=*order-report", "sales=group:sales");
            assertThat(AssetSelection.resolve(snapshot.jobs().get(0).selection(), graph))
                    .containsExactly("order-report", "orderCount", "rawOrders", "weather");
            assertThat(snapshot.resources()).extracting(r -> r.key() + ":" + r.className())
                    .containsExactly("warehouse:com.acme.Warehouse", "mailer:java.lang.String");
            assertThat(snapshot.ioManagerKeys()).containsExactlyInAnyOrder("io_manager", "files");
            assertThat(defs.ioManagers().get("io_manager")).isSameAs(Loaders.NOT_TO_BE_USED);

            // Static and instance compute functions both run from the loaded classes.
            Object orders = defs.function("rawOrders").invoke(new Object[] {defs.resources().get("warehouse")});
            assertThat(orders).isEqualTo(List.of("a", "b"));
            Object output = defs.function("orderCount").invoke(new Object[] {null, List.of("x")});
            assertThat(output).isInstanceOf(dev.cairn.api.Output.class);
        }
    }

    @Test
    void jarClassesLiveInTheirOwnLoaderSharingTheApiAndClosedWithTheDefinitions() throws Exception {
        LoadedDefinitions defs = Loaders.loader(dir).load(validJar());
        Class<?> orders = defs.function("rawOrders").method().getDeclaringClass();
        ClassLoader loader = orders.getClassLoader();
        assertThat(loader).isNotSameAs(getClass().getClassLoader());
        assertThat(loader.getParent()).isSameAs(JarLoader.class.getClassLoader());
        assertThat(Class.forName(Asset.class.getName(), false, loader)).isSameAs(Asset.class);
        assertThatThrownBy(() -> Class.forName("com.acme.Orders", false, getClass().getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);

        defs.close();
        assertThatThrownBy(() -> Class.forName("com.acme.Unused", false, loader))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void withoutAProviderEveryAtAssetMethodInTheJarIsFound() throws Exception {
        Path jar = TestJars.builder()
                .source("com.a.First", """
                        package com.a;
                        import dev.cairn.api.*;
                        public class First {
                            @Asset public static int one() { return 1; }
                            public static int notAnAsset() { return 0; }
                            public static class Nested { @Asset public static int nested(int one) { return one; } }
                        }
                        """)
                .source("com.b.Second", """
                        package com.b;
                        import dev.cairn.api.*;
                        public class Second { @Asset(key = "two") public String second(int one) { return "" + one; } }
                        """)
                .source("com.b.Plain", "package com.b; public class Plain { public int x() { return 1; } }")
                .build(dir);
        try (LoadedDefinitions defs = Loaders.loader(dir).load(jar)) {
            assertThat(defs.snapshot().problems()).isEmpty();
            assertThat(defs.requireGraph().assets()).containsOnlyKeys("nested", "one", "two");
            assertThat(defs.requireGraph().require("nested").className()).isEqualTo("com.a.First$Nested");
            assertThat(defs.requireGraph().children("one")).containsExactlyInAnyOrder("nested", "two");
            assertThat(defs.ioManagers()).containsOnlyKeys("io_manager");
        }
    }

    @Test
    void classesListedByAProviderReplaceScanning() throws Exception {
        Path jar = TestJars.builder()
                .source("com.a.Listed", """
                        package com.a;
                        public class Listed { @dev.cairn.api.Asset public static int listed() { return 1; } }
                        """)
                .source("com.a.NotListed", """
                        package com.a;
                        public class NotListed { @dev.cairn.api.Asset public static int notListed() { return 1; } }
                        """)
                .source("com.a.Defs", """
                        package com.a;
                        import dev.cairn.api.*;
                        public class Defs implements DefinitionsProvider {
                            public void define(Definitions defs) { defs.assets(Listed.class); }
                        }
                        """)
                .service(DefinitionsProvider.class, "com.a.Defs")
                .build(dir);
        try (LoadedDefinitions defs = Loaders.loader(dir).load(jar)) {
            assertThat(defs.snapshot().problems()).isEmpty();
            assertThat(defs.requireGraph().assets()).containsOnlyKeys("listed");
        }
    }

    @Test
    void everyProviderOfTheJarIsCalledAndSourceAssetsNeedNoMethods() throws Exception {
        Path jar = TestJars.builder()
                .source("com.a.Assets", """
                        package com.a;
                        import dev.cairn.api.*;
                        public class Assets { @Asset public static String cleaned(String raw, Integer limit) { return raw; } }
                        """)
                .source("com.a.Sources", """
                        package com.a;
                        import dev.cairn.api.*;
                        public class Sources implements DefinitionsProvider {
                            public void define(Definitions defs) { defs.sourceAsset(SourceAsset.of("raw").group("ext")); }
                        }
                        """)
                .source("com.a.Resources", """
                        package com.a;
                        import dev.cairn.api.*;
                        public class Resources implements DefinitionsProvider {
                            public void define(Definitions defs) {
                                defs.resource("limit", 10);
                                defs.job("all", "kind:source*", "");
                            }
                        }
                        """)
                .service(DefinitionsProvider.class, "com.a.Sources", "com.a.Resources")
                .build(dir);
        try (LoadedDefinitions defs = Loaders.loader(dir).load(jar)) {
            assertThat(defs.snapshot().problems()).isEmpty();
            AssetGraph graph = defs.requireGraph();
            assertThat(graph.require("raw").isSource()).isTrue();
            assertThat(graph.require("raw").observable()).isFalse();
            assertThat(defs.observer("raw")).isEmpty();
            assertThat(graph.require("cleaned").parameters()).containsExactly(
                    new ParameterBinding.UpstreamInput("raw", "raw", "java.lang.String"),
                    new ParameterBinding.Resource("limit", null, "java.lang.Integer"));
            assertThat(defs.snapshot().jobs()).hasSize(1);
        }
    }

    @Test
    void withoutCompiledParameterNamesInAndResourceTypesStillWork() throws Exception {
        Path jar = TestJars.builder()
                .parameters(false)
                .source("com.a.Assets", """
                        package com.a;
                        import dev.cairn.api.*;
                        public class Assets {
                            @Asset public static int base() { return 1; }
                            @Asset public static int next(AssetContext ctx, @In("base") int b, StringBuilder sb) { return b; }
                        }
                        """)
                .source("com.a.Defs", """
                        package com.a;
                        public class Defs implements dev.cairn.api.DefinitionsProvider {
                            public void define(dev.cairn.api.Definitions defs) { defs.resource("sb", new StringBuilder()); }
                        }
                        """)
                .service(DefinitionsProvider.class, "com.a.Defs")
                .build(dir);
        try (LoadedDefinitions defs = Loaders.loader(dir).load(jar)) {
            assertThat(defs.snapshot().problems()).isEmpty();
            assertThat(defs.requireGraph().require("next").parameters()).containsExactly(
                    new ParameterBinding.Context("arg0"),
                    new ParameterBinding.UpstreamInput("arg1", "base", "int"),
                    new ParameterBinding.Resource("arg2", null, "java.lang.StringBuilder"));
        }
    }

    @Test
    void dependencyJarsAndFoldersAreOnTheClassPathButNeverSearched() throws Exception {
        Path libDir = Files.createDirectories(dir.resolve("lib"));
        Path lib = TestJars.builder()
                .fileName("client.jar")
                .source("com.lib.Client", "package com.lib; public class Client { public String name() { return \"c\"; } }")
                .source("com.lib.LibAssets", """
                        package com.lib;
                        public class LibAssets { @dev.cairn.api.Asset public static int fromLib() { return 1; } }
                        """)
                .source("com.lib.LibDefs", """
                        package com.lib;
                        public class LibDefs implements dev.cairn.api.DefinitionsProvider {
                            public void define(dev.cairn.api.Definitions defs) { defs.resource("libResource", "lib"); }
                        }
                        """)
                .service(DefinitionsProvider.class, "com.lib.LibDefs")
                .build(libDir);
        Path jar = TestJars.builder()
                .classpath(lib)
                .source("com.a.Assets", """
                        package com.a;
                        import dev.cairn.api.*;
                        public class Assets { @Asset public static String name(com.lib.Client client) { return client.name(); } }
                        """)
                .source("com.a.Defs", """
                        package com.a;
                        public class Defs implements dev.cairn.api.DefinitionsProvider {
                            public void define(dev.cairn.api.Definitions defs) { defs.resource("client", new com.lib.Client()); }
                        }
                        """)
                .service(DefinitionsProvider.class, "com.a.Defs")
                .build(dir);

        for (List<Path> deps : List.of(List.of(lib), List.of(libDir))) {
            try (LoadedDefinitions defs = Loaders.loader(dir).load(jar, deps)) {
                assertThat(defs.snapshot().problems()).isEmpty();
                assertThat(defs.requireGraph().assets()).containsOnlyKeys("name");
                assertThat(defs.resources()).containsOnlyKeys("client");
            }
        }

        // Without the dependency, the provider cannot link and neither can the asset class.
        try (LoadedDefinitions defs = Loaders.loader(dir).load(jar)) {
            assertThat(defs.snapshot().problems()).extracting(Problem::kind)
                    .containsExactlyInAnyOrder(Problem.Kind.PROVIDER_FAILURE, Problem.Kind.CLASS_LOAD_FAILURE);
            assertThat(Loaders.ofKind(defs.snapshot().problems(), Problem.Kind.CLASS_LOAD_FAILURE).get(0).message())
                    .contains("com/lib/Client").contains("dependency");
        }
    }

    @Test
    void aRebuiltJarIsReadAfreshOnTheNextLoad() throws Exception {
        Path jar = TestJars.builder()
                .source("com.a.Assets", "package com.a; public class Assets { @dev.cairn.api.Asset public static int a() { return 1; } }")
                .build(dir);
        try (LoadedDefinitions defs = Loaders.loader(dir).load(jar)) {
            assertThat(defs.requireGraph().assets()).containsOnlyKeys("a");
        }
        Path rebuilt = TestJars.builder()
                .fileName("rebuilt.jar")
                .source("com.a.Assets", """
                        package com.a;
                        public class Assets {
                            @dev.cairn.api.Asset public static int a() { return 1; }
                            @dev.cairn.api.Asset public static int b(int a) { return a; }
                        }
                        """)
                .build(dir);
        Files.move(rebuilt, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (LoadedDefinitions defs = Loaders.loader(dir).load(jar)) {
            assertThat(defs.requireGraph().assets()).containsOnlyKeys("a", "b");
        }
    }
}
