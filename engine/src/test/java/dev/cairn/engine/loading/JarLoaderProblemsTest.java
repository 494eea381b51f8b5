package dev.cairn.engine.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.api.DefinitionsProvider;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.InvalidDefinitionsException;
import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.definitions.Problem;
import dev.cairn.engine.testjars.TestJars;

/** Bad jars end to end: every problem is reported, with where it is, and loading never throws. */
class JarLoaderProblemsTest {

    @TempDir
    Path dir;

    private LoadedDefinitions load(Path jar) {
        return Loaders.loader(dir).load(jar);
    }

    private static void assertOnlyProblem(LoadedDefinitions defs, Problem.Kind kind, String... fragments) {
        assertThat(defs.snapshot().problems()).hasSize(1);
        Problem problem = defs.snapshot().problems().get(0);
        assertThat(problem.kind()).isEqualTo(kind);
        assertThat(problem.message()).contains(fragments);
        assertThat(defs.snapshot().assets()).isEmpty();
        assertThatThrownBy(defs::requireGraph).isInstanceOf(InvalidDefinitionsException.class)
                .hasMessageContaining(fragments[0]);
    }

    @Test
    void aTextFileNamedJarIsNotAJar() throws Exception {
        Path jar = Files.writeString(dir.resolve("assets.jar"), "these are not the classes you are looking for");
        try (LoadedDefinitions defs = load(jar)) {
            assertOnlyProblem(defs, Problem.Kind.NOT_A_JAR, "not a jar", "assets.jar");
        }
    }

    @Test
    void anEmptyFileIsNotAJar() throws Exception {
        try (LoadedDefinitions defs = load(Files.createFile(dir.resolve("empty.jar")))) {
            assertOnlyProblem(defs, Problem.Kind.NOT_A_JAR, "empty file");
        }
    }

    @Test
    void aMissingFileOrAFolderIsNotAJar() throws Exception {
        try (LoadedDefinitions defs = load(dir.resolve("nowhere.jar"))) {
            assertOnlyProblem(defs, Problem.Kind.NOT_A_JAR, "does not exist", "nowhere.jar");
        }
        try (LoadedDefinitions defs = load(dir)) {
            assertOnlyProblem(defs, Problem.Kind.NOT_A_JAR, "is a folder");
        }
    }

    @Test
    void aJarWithoutClassesHasNoAssets() throws Exception {
        try (LoadedDefinitions defs = load(TestJars.builder().entry("README.txt", "nothing here").build(dir))) {
            assertOnlyProblem(defs, Problem.Kind.NO_ASSETS, "no @Asset methods");
        }
    }

    @Test
    void badDependenciesAreReportedAndTheJarStillLoads() throws Exception {
        Path jar = TestJars.builder()
                .source("com.a.Assets", "package com.a; public class Assets { @dev.cairn.api.Asset public static int a() { return 1; } }")
                .build(dir);
        Path notAJar = Files.writeString(dir.resolve("lib.jar"), "text");
        try (LoadedDefinitions defs = Loaders.loader(dir).load(jar, List.of(dir.resolve("missing.jar"), notAJar))) {
            assertThat(defs.snapshot().problems()).extracting(Problem::kind)
                    .containsExactly(Problem.Kind.NOT_A_JAR, Problem.Kind.NOT_A_JAR);
            assertThat(defs.snapshot().problems()).extracting(Problem::message)
                    .anySatisfy(m -> assertThat(m).contains("dependency", "missing.jar", "does not exist"))
                    .anySatisfy(m -> assertThat(m).contains("dependency", "lib.jar", "not a jar"));
            assertThat(defs.snapshot().assets()).extracting(AssetSpec::key).containsExactly("a");
        }
    }

    @Test
    void aCorruptClassFileDoesNotStopTheOtherClasses() throws Exception {
        Path jar = TestJars.builder()
                .source("com.a.Assets", "package com.a; public class Assets { @dev.cairn.api.Asset public static int a() { return 1; } }")
                .entry("com/a/Garbage.class", "not a class file at all")
                .entry("com/a/Truncated.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0})
                .build(dir);
        try (LoadedDefinitions defs = load(jar)) {
            assertThat(defs.snapshot().problems()).isEmpty();
            assertThat(defs.requireGraph().assets()).containsOnlyKeys("a");
        }
    }

    @Test
    void classesThatCannotLinkAreProblemsAndTheOtherAssetsAreStillListed() throws Exception {
        String missing = "package com.x; public class Missing { }";
        Path jar = TestJars.builder()
                .compileOnly("com.x.Missing", missing)
                .source("com.x.ParamType", """
                        package com.x;
                        public class ParamType { @dev.cairn.api.Asset public static int byParam(Missing m) { return 1; } }
                        """)
                .source("com.x.SuperType", """
                        package com.x;
                        public class SuperType extends Missing { @dev.cairn.api.Asset public static int bySuper() { return 1; } }
                        """)
                .source("com.x.GenericType", """
                        package com.x;
                        import dev.cairn.api.*;
                        public class GenericType {
                            @Asset public static int byGeneric(java.util.List<Missing> items) { return 1; }
                            @Asset public static java.util.List<Missing> byReturn() { return null; }
                            @Asset public static int fineNextToThem() { return 1; }
                        }
                        """)
                .source("com.x.Good", """
                        package com.x;
                        import dev.cairn.api.*;
                        public class Good {
                            @Asset public static int good() { return 1; }
                            @Asset public static int usesGood(int good) { return good; }
                        }
                        """)
                .build(dir);
        try (LoadedDefinitions defs = load(jar)) {
            List<Problem> problems = defs.snapshot().problems();
            assertThat(problems).allSatisfy(p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CLASS_LOAD_FAILURE));
            assertThat(problems).extracting(p -> p.assetKey() + " " + p.className() + "." + p.methodName())
                    .containsExactlyInAnyOrder("byParam com.x.ParamType.byParam", "bySuper com.x.SuperType.bySuper",
                            "byGeneric com.x.GenericType.byGeneric", "byReturn com.x.GenericType.byReturn");
            assertThat(problems).allSatisfy(p -> assertThat(p.message()).contains("Missing", "neither in the jar nor in its dependencies"));
            assertThat(defs.snapshot().assets()).extracting(AssetSpec::key)
                    .containsExactly("fineNextToThem", "good", "usesGood");
        }
    }

    @Test
    void providerFailuresNameTheProviderAndNeverStopTheOthers() throws Exception {
        Path jar = TestJars.builder()
                .compileOnly("com.p.Missing", "package com.p; public class Missing { }")
                .source("com.p.Assets", """
                        package com.p;
                        public class Assets { @dev.cairn.api.Asset public static String a(String greeting) { return greeting; } }
                        """)
                .source("com.p.Good", """
                        package com.p;
                        public class Good implements dev.cairn.api.DefinitionsProvider {
                            public void define(dev.cairn.api.Definitions defs) { defs.resource("greeting", "hi"); }
                        }
                        """)
                .source("com.p.Throws", """
                        package com.p;
                        public class Throws implements dev.cairn.api.DefinitionsProvider {
                            public void define(dev.cairn.api.Definitions defs) throws Exception {
                                defs.resource("partial", 1);
                                throw new java.io.IOException("config.yaml not found");
                            }
                        }
                        """)
                .source("com.p.NotAProvider", "package com.p; public class NotAProvider { }")
                .source("com.p.NoDefaultConstructor", """
                        package com.p;
                        public class NoDefaultConstructor implements dev.cairn.api.DefinitionsProvider {
                            public NoDefaultConstructor(String s) { }
                            public void define(dev.cairn.api.Definitions defs) { }
                        }
                        """)
                .source("com.p.FailingInit", """
                        package com.p;
                        public class FailingInit implements dev.cairn.api.DefinitionsProvider {
                            static { if (true) throw new IllegalStateException("static init failed"); }
                            public void define(dev.cairn.api.Definitions defs) { }
                        }
                        """)
                .source("com.p.CannotLink", """
                        package com.p;
                        public class CannotLink extends Missing implements dev.cairn.api.DefinitionsProvider {
                            public void define(dev.cairn.api.Definitions defs) { }
                        }
                        """)
                .source("com.p.NullKey", """
                        package com.p;
                        public class NullKey implements dev.cairn.api.DefinitionsProvider {
                            public void define(dev.cairn.api.Definitions defs) { defs.resource(null, "x"); }
                        }
                        """)
                .service(DefinitionsProvider.class, "com.p.Throws", "com.p.DoesNotExist", "com.p.NotAProvider",
                        "com.p.NoDefaultConstructor", "com.p.FailingInit", "com.p.CannotLink", "com.p.NullKey", "com.p.Good")
                .build(dir);
        try (LoadedDefinitions defs = load(jar)) {
            List<Problem> problems = defs.snapshot().problems();
            assertThat(problems).allSatisfy(p -> assertThat(p.kind()).isEqualTo(Problem.Kind.PROVIDER_FAILURE));
            assertThat(problems).extracting(Problem::className).containsExactlyInAnyOrder("com.p.Throws",
                    "com.p.DoesNotExist", "com.p.NotAProvider", "com.p.NoDefaultConstructor", "com.p.FailingInit",
                    "com.p.CannotLink", "com.p.NullKey");
            assertThat(problems).extracting(Problem::describe)
                    .anySatisfy(m -> assertThat(m).contains("com.p.Throws.define", "java.io.IOException: config.yaml not found",
                            "(at com.p.Throws.define(Throws.java:5))"))
                    .anySatisfy(m -> assertThat(m).contains("com.p.DoesNotExist", "not found"))
                    .anySatisfy(m -> assertThat(m).contains("com.p.NotAProvider", "not a subtype"))
                    .anySatisfy(m -> assertThat(m).contains("com.p.NoDefaultConstructor", "no-arg constructor"))
                    .anySatisfy(m -> assertThat(m).contains("com.p.FailingInit", "static init failed"))
                    .anySatisfy(m -> assertThat(m).contains("com.p.CannotLink", "com/p/Missing", "dependency"))
                    .anySatisfy(m -> assertThat(m).contains("com.p.NullKey.define", "NullPointerException"));
            // The good provider ran, what the failing one registered before throwing is kept, and
            // assets were still discovered.
            assertThat(defs.resources()).containsOnlyKeys("greeting", "partial");
            assertThat(defs.snapshot().assets()).extracting(AssetSpec::key).containsExactly("a");
        }
    }
}
