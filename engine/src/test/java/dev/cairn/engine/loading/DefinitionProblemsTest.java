package dev.cairn.engine.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.api.DefinitionsProvider;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.definitions.Problem;
import dev.cairn.engine.testjars.TestJars;

/** A jar with many mistakes at once: each is reported, once, with its asset, class and method. */
class DefinitionProblemsTest {

    @TempDir
    Path dir;

    private static final String GRAPH = """
            package com.bad;
            import dev.cairn.api.*;
            public class Graph {
                @Asset public static int a(int c) { return c; }
                @Asset public static int b(int a) { return a; }
                @Asset public static int c(int b) { return b; }
                @Asset public static int self(int self) { return self; }
                @Asset public static int orders() { return 1; }
                @Asset public static int stats(int ordrs) { return ordrs; }
                @Asset(deps = "ordres") public static int report(@In("order") int o) { return o; }
                @Asset(key = "orders") public static int ordersAgain() { return 2; }
                @Asset(key = "bad key!") public static int badKey() { return 0; }
                @Asset(ioManagerKey = "warehouse_io") public static int stored() { return 0; }
            }
            """;

    private static final String SIGNATURES = """
            package com.bad;
            import dev.cairn.api.*;
            public class Signatures {
                @Asset static int notPublic() { return 1; }
                @Asset public static <T> T generic() { return null; }
                public class Inner { @Asset public int inner() { return 1; } }
                @Asset public static int needsClient(@ResourceKey("clinet") String c) { return 1; }
                @Asset public static int wrongType(@ResourceKey("client") Integer c) { return 1; }
                @Asset public static int ambiguous(StringBuilder builder) { return 1; }
            }
            """;

    private static final String NO_CONSTRUCTOR = """
            package com.bad;
            public class NoConstructor {
                public NoConstructor(int x) { }
                @dev.cairn.api.Asset public int needsInstance() { return 1; }
            }
            """;

    private static final String DEFS = """
            package com.bad;
            import dev.cairn.api.*;
            public class Defs implements DefinitionsProvider {
                public void define(Definitions defs) {
                    defs.resource("client", "http://x");
                    defs.resource("sb1", new StringBuilder());
                    defs.resource("sb2", new StringBuilder());
                    defs.resource("client", "again");
                    defs.job("fine", "+orders", "");
                    defs.job("typo", "*ordrs", "");
                    defs.job("syntax", "orders stats", "");
                    defs.job("group", "group:nope", "");
                    defs.job("fine", "*", "");
                }
            }
            """;

    @Test
    void parametersWithoutCompiledNamesAreReportedOnce() throws Exception {
        Path jar = TestJars.builder()
                .parameters(false)
                .source("com.bad.Unnamed", """
                        package com.bad;
                        public class Unnamed {
                            @dev.cairn.api.Asset public static int base() { return 1; }
                            @dev.cairn.api.Asset public static int next(int base) { return base; }
                        }
                        """)
                .build(dir);
        try (LoadedDefinitions defs = Loaders.loader(dir).load(jar)) {
            assertThat(defs.snapshot().problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(Problem.Kind.MISSING_PARAMETER_NAMES);
                assertThat(p.describe()).startsWith("asset 'next' (com.bad.Unnamed.next): parameter arg0 (int) has no compiled name")
                        .contains("-parameters", "@In");
            });
        }
    }

    @Test
    void aCycleAloneLeavesNoGraphButListsTheAssets() throws Exception {
        Path jar = TestJars.builder()
                .source("com.bad.Loop", """
                        package com.bad;
                        public class Loop {
                            @dev.cairn.api.Asset public static int first(int third) { return 1; }
                            @dev.cairn.api.Asset public static int second(int first) { return 1; }
                            @dev.cairn.api.Asset public static int third(int second) { return 1; }
                            @dev.cairn.api.Asset public static int outside(int first) { return 1; }
                        }
                        """)
                .source("com.bad.Defs", """
                        package com.bad;
                        public class Defs implements dev.cairn.api.DefinitionsProvider {
                            public void define(dev.cairn.api.Definitions defs) {
                                defs.job("fine", "first*", "");
                                defs.job("typo", "frist*", "");
                            }
                        }
                        """)
                .service(DefinitionsProvider.class, "com.bad.Defs")
                .build(dir);
        try (LoadedDefinitions defs = Loaders.loader(dir).load(jar)) {
            assertThat(defs.snapshot().problems()).extracting(Problem::describe).containsExactly(
                    "asset 'first' (com.bad.Loop.first): dependency cycle: first -> second -> third -> first",
                    "job 'typo': unknown asset 'frist' (did you mean 'first'?)");
            assertThat(defs.graph()).isEmpty();
            assertThat(defs.snapshot().assets()).hasSize(4);
        }
    }

    @Test
    void everyProblemIsReportedOnceWithWhereItIs() throws Exception {
        Path jar = TestJars.builder()
                .source("com.bad.Graph", GRAPH)
                .source("com.bad.Signatures", SIGNATURES)
                .source("com.bad.NoConstructor", NO_CONSTRUCTOR)
                .source("com.bad.Defs", DEFS)
                .service(DefinitionsProvider.class, "com.bad.Defs")
                .build(dir);
        try (LoadedDefinitions defs = Loaders.loader(dir).load(jar)) {
            List<Problem> problems = defs.snapshot().problems();
            assertThat(problems).extracting(p -> p.kind() + " " + p.describe()).containsExactlyInAnyOrder(
                    "DUPLICATE_KEY (com.bad.Defs): resource 'client' is registered twice",
                    "DUPLICATE_KEY (com.bad.Defs): job 'fine' is registered twice",
                    "UNSUPPORTED_SIGNATURE asset 'needsInstance' (com.bad.NoConstructor.needsInstance): an instance @Asset "
                            + "method needs a public no-argument constructor in NoConstructor, or make the method static",
                    "UNSUPPORTED_SIGNATURE asset 'generic' (com.bad.Signatures.generic): an @Asset method must not declare type parameters",
                    "UNSUPPORTED_SIGNATURE asset 'notPublic' (com.bad.Signatures.notPublic): an @Asset method must be public",
                    "UNSUPPORTED_SIGNATURE asset 'inner' (com.bad.Signatures$Inner.inner): an instance @Asset method cannot "
                            + "live in an inner class; make the class static",
                    "INVALID_KEY asset 'bad key!' (com.bad.Graph.badKey): asset keys may contain only letters, digits and _ . - /",
                    "DUPLICATE_KEY asset 'orders' (com.bad.Graph.ordersAgain): the key is also defined by com.bad.Graph.orders",
                    "UNKNOWN_UPSTREAM asset 'stats' (com.bad.Graph.stats): parameter 'ordrs' is neither an asset nor a resource "
                            + "(did you mean 'orders'?)",
                    "UNKNOWN_IO_MANAGER asset 'stored' (com.bad.Graph.stored): no IO manager is registered under 'warehouse_io'",
                    "UNRESOLVED_RESOURCE asset 'ambiguous' (com.bad.Signatures.ambiguous): parameter 'builder' matches several "
                            + "resources of type StringBuilder (sb1, sb2): choose one with @ResourceKey",
                    "UNRESOLVED_RESOURCE asset 'needsClient' (com.bad.Signatures.needsClient): parameter 'c' asks for resource "
                            + "'clinet', which is not registered (did you mean 'client'?)",
                    "UNRESOLVED_RESOURCE asset 'wrongType' (com.bad.Signatures.wrongType): resource 'client' is a "
                            + "java.lang.String, not a java.lang.Integer",
                    "UNKNOWN_UPSTREAM asset 'report' (com.bad.Graph.report): depends on 'order', which no asset defines "
                            + "(did you mean 'orders'?)",
                    "UNKNOWN_UPSTREAM asset 'report' (com.bad.Graph.report): depends on 'ordres', which no asset defines "
                            + "(did you mean 'orders'?)",
                    "CYCLE asset 'a' (com.bad.Graph.a): dependency cycle: a -> b -> c -> a",
                    "CYCLE asset 'self' (com.bad.Graph.self): dependency cycle: self -> self",
                    "INVALID_JOB job 'typo': unknown asset 'ordrs' (did you mean 'orders'?)",
                    "INVALID_JOB job 'syntax': invalid selection \"orders stats\" at position 7: expected ',' between two terms, found 's'",
                    "INVALID_JOB job 'group': no asset has group 'nope'");
            assertThat(defs.graph()).isEmpty();
            // The assets that are fine are still listed, for the app to draw.
            assertThat(defs.snapshot().assets()).extracting(AssetSpec::key).contains("orders", "stats", "a", "b", "c");
        }
    }
}
