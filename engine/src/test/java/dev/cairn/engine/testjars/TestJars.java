package dev.cairn.engine.testjars;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import dev.cairn.api.Asset;

/**
 * Builds asset jars at test time: compiles Java sources with the JDK's compiler against the
 * Cairn API and packages them, so tests load real jars like a user's.
 *
 * <pre>{@code
 * Path jar = TestJars.builder()
 *         .source("com.x.Assets", """
 *             package com.x;
 *             import dev.cairn.api.*;
 *             public class Assets { @Asset public static int one() { return 1; } }
 *             """)
 *         .service(DefinitionsProvider.class, "com.x.Defs")
 *         .build(tempDir);
 * }</pre>
 */
public final class TestJars {

    private TestJars() {
    }

    /** A new builder: no sources, compiled with {@code -parameters}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects what goes into one jar. Not thread-safe; build once. */
    public static final class Builder {
        private final Map<String, String> sources = new LinkedHashMap<>();
        private final Set<String> leftOut = new LinkedHashSet<>();
        private final Map<String, List<String>> services = new LinkedHashMap<>();
        private final Map<String, byte[]> entries = new LinkedHashMap<>();
        private final List<Path> classpath = new ArrayList<>();
        private boolean parameters = true;
        private String fileName = "assets.jar";

        private Builder() {
        }

        /** Adds a source file for a top-level class, given by its fully qualified name. */
        public Builder source(String className, String code) {
            sources.put(className, code);
            return this;
        }

        /**
         * Adds a source file that is compiled but left out of the jar, with its nested classes,
         * to make classes that reference a type the jar lacks.
         */
        public Builder compileOnly(String className, String code) {
            source(className, code);
            leftOut.add(className);
            return this;
        }

        /** Whether to compile with {@code -parameters} (default true). */
        public Builder parameters(boolean parameters) {
            this.parameters = parameters;
            return this;
        }

        /** Lists implementations of a service in {@code META-INF/services}. */
        public Builder service(Class<?> service, String... implementations) {
            services.computeIfAbsent(service.getName(), k -> new ArrayList<>()).addAll(List.of(implementations));
            return this;
        }

        /** Adds a file with this content at this path inside the jar. */
        public Builder entry(String path, String content) {
            entries.put(path, content.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** Compiles against these jars too (for example dependency jars built before). */
        public Builder classpath(Path... jars) {
            classpath.addAll(List.of(jars));
            return this;
        }

        /** The jar's file name (default {@code assets.jar}). */
        public Builder fileName(String fileName) {
            this.fileName = fileName;
            return this;
        }

        /**
         * Compiles and packages everything into {@code dir/fileName}.
         *
         * @throws IllegalStateException if the sources do not compile, with the compiler's messages
         */
        public Path build(Path dir) {
            try {
                Path work = Files.createTempDirectory(dir, "testjar-");
                Path classes = Files.createDirectories(work.resolve("classes"));
                if (!sources.isEmpty()) {
                    compile(work.resolve("src"), classes);
                }
                Path jar = dir.resolve(fileName);
                writeJar(classes, jar);
                return jar;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void compile(Path srcDir, Path classes) throws IOException {
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = srcDir.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
                files.add(file);
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler == null) {
                throw new IllegalStateException("no Java compiler: tests must run on a JDK");
            }
            List<String> options = new ArrayList<>(List.of("--release", "17", "-proc:none", "-implicit:none",
                    "-Xlint:none", "-nowarn", "-d", classes.toString(), "-classpath", compileClasspath()));
            if (parameters) {
                options.add("-parameters");
            }
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fm = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                boolean ok = compiler.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
                if (!ok) {
                    throw new IllegalStateException("test sources do not compile:\n" + diagnostics.getDiagnostics().stream()
                            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                            .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                            .collect(Collectors.joining("\n")));
                }
            }
        }

        /** The API classes (wherever the test runner put them) and the test's own class path. */
        private String compileClasspath() {
            Set<String> entries = new LinkedHashSet<>();
            try {
                entries.add(Path.of(Asset.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
            classpath.forEach(p -> entries.add(p.toString()));
            return String.join(File.pathSeparator, entries);
        }

        private void writeJar(Path classes, Path jar) throws IOException {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, manifest);
                 Stream<Path> walk = Files.walk(classes)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
                    if (!isLeftOut(name)) {
                        put(jos, name, Files.readAllBytes(file));
                    }
                }
                for (Map.Entry<String, List<String>> s : services.entrySet()) {
                    put(jos, "META-INF/services/" + s.getKey(),
                            (String.join("\n", s.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
                }
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    put(jos, e.getKey(), e.getValue());
                }
            }
        }

        private boolean isLeftOut(String classFile) {
            for (String cls : leftOut) {
                String base = cls.replace('.', '/');
                if (classFile.equals(base + ".class") || classFile.startsWith(base + "$")) {
                    return true;
                }
            }
            return false;
        }

        private static void put(JarOutputStream jos, String name, byte[] bytes) throws IOException {
            jos.putNextEntry(new JarEntry(name));
            jos.write(bytes);
            jos.closeEntry();
        }
    }
}
