package dev.cairn.engine.loading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import dev.cairn.api.DefinitionsProvider;
import dev.cairn.api.IOManager;
import dev.cairn.engine.definitions.DefinitionsAssembler;
import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.definitions.Problem;
import io.github.classgraph.ClassGraphException;

/**
 * Loads the definitions of a user's asset jar, in a class loader of its own that the returned
 * {@link LoadedDefinitions} closes.
 *
 * <p>Providers ({@link DefinitionsProvider} listed in the jar's {@code META-INF/services}) run
 * first. If one lists asset classes, those are used; otherwise the jar's bytecode is scanned for
 * {@link dev.cairn.api.Asset} methods and only the classes that have some are loaded, without
 * being initialized: reading definitions runs no asset code (providers are the only user code
 * that runs).
 *
 * <p>Loading never throws for a bad jar: whatever is wrong (not a jar, classes that cannot be
 * linked, a provider that throws, cycles, unknown upstreams, invalid job selections...) is
 * reported as {@link Problem}s of the result, all at once, and the valid assets are still listed.
 */
public final class JarLoader {

    /** After this many broken provider entries, stop looking for more: the lookup is not recovering. */
    private static final int MAX_PROVIDER_ERRORS = 100;

    private final Path workspace;
    private final Map<String, IOManager> defaultIoManagers;

    /**
     * @param workspace the jar's workspace folder, handed to providers
     * @param defaultIoManagers the IO managers available unless a provider replaces them, by key
     *        (normally at least {@code "io_manager"})
     */
    public JarLoader(Path workspace, Map<String, IOManager> defaultIoManagers) {
        this.workspace = workspace;
        this.defaultIoManagers = Map.copyOf(defaultIoManagers);
    }

    /** Loads a jar that needs nothing but the Cairn API and the JDK. */
    public LoadedDefinitions load(Path jar) {
        return load(jar, List.of());
    }

    /**
     * Loads a jar with dependencies.
     *
     * @param jar the user's asset jar; only it is searched for providers and assets
     * @param dependencies jars, or folders whose {@code *.jar} files are all taken, on the jar's class path
     */
    public LoadedDefinitions load(Path jar, List<Path> dependencies) {
        Path path = jar.toAbsolutePath().normalize();
        DefinitionsAssembler assembler = new DefinitionsAssembler(describe(path), workspace, defaultIoManagers);
        String notAJar = checkJar(path, "");
        if (notAJar != null) {
            assembler.addProblem(new Problem(Problem.Kind.NOT_A_JAR, null, null, null, notAJar));
            return assembler.build(null);
        }
        List<Path> classpath = new ArrayList<>();
        for (Path dependency : dependencies) {
            expand(dependency.toAbsolutePath().normalize(), classpath, assembler);
        }
        JarClassLoader loader;
        try {
            loader = new JarClassLoader(path, classpath, JarLoader.class.getClassLoader());
        } catch (IOException e) {
            assembler.addProblem(new Problem(Problem.Kind.NOT_A_JAR, null, null, null, "cannot open " + path + ": " + e));
            return assembler.build(null);
        }
        try {
            runProviders(loader, assembler);
            List<Class<?>> listed = assembler.explicitAssetClasses();
            if (listed.isEmpty()) {
                addScannedClasses(path, loader, assembler);
            } else {
                listed.forEach(assembler::addAssetClass);
            }
            LoadedDefinitions definitions = assembler.build(loader);
            return definitions.withMoreProblems(JobChecks.problems(definitions));
        } catch (RuntimeException | Error e) {
            closeQuietly(loader, e);
            throw e;
        }
    }

    private static void runProviders(JarClassLoader loader, DefinitionsAssembler assembler) {
        Iterator<ServiceLoader.Provider<DefinitionsProvider>> providers =
                ServiceLoader.load(DefinitionsProvider.class, loader).stream().iterator();
        int errors = 0;
        while (errors < MAX_PROVIDER_ERRORS) {
            ServiceLoader.Provider<DefinitionsProvider> provider;
            try {
                if (!providers.hasNext()) {
                    return;
                }
                provider = providers.next();
            } catch (Throwable e) {
                // A listed class that is missing, not a provider, lacks a public no-arg constructor
                // or cannot be linked; the lookup moves on to the next listed class.
                rethrowIfFatal(e);
                errors++;
                assembler.addProblem(new Problem(Problem.Kind.PROVIDER_FAILURE, null, null, null,
                        "a DefinitionsProvider listed in META-INF/services/" + DefinitionsProvider.class.getName()
                                + " cannot be used: " + Failures.describe(e)));
                continue;
            }
            String name = provider.type().getName();
            try {
                provider.get().define(assembler.registry());
            } catch (Throwable e) {
                rethrowIfFatal(e);
                assembler.addProblem(new Problem(Problem.Kind.PROVIDER_FAILURE, null, name, "define",
                        "the provider failed: " + Failures.describe(e)));
            }
        }
    }

    private static void addScannedClasses(Path jar, ClassLoader loader, DefinitionsAssembler assembler) {
        List<AssetClassScanner.AssetClass> found;
        try {
            found = AssetClassScanner.scan(jar);
        } catch (ClassGraphException e) {
            assembler.addProblem(new Problem(Problem.Kind.NOT_A_JAR, null, null, null,
                    "the classes of " + jar + " cannot be read: " + Failures.describe(e)));
            return;
        }
        for (AssetClassScanner.AssetClass candidate : found) {
            Class<?> type;
            try {
                // Not initialized: static initializers are user code and must not run here.
                type = Class.forName(candidate.className(), false, loader);
                // Reflecting links the class and resolves its method signatures: fail here, with the asset keys at hand.
                type.getDeclaredMethods();
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                boolean single = candidate.methods().size() == 1;
                assembler.addProblem(new Problem(Problem.Kind.CLASS_LOAD_FAILURE,
                        single ? candidate.methods().get(0).key() : null, candidate.className(),
                        single ? candidate.methods().get(0).name() : null,
                        "the class cannot be loaded, so its assets (" + candidate.keys() + ") are left out: "
                                + Failures.describe(e) + Failures.hint(e)));
                continue;
            }
            assembler.addAssetClass(type);
        }
    }

    /** Adds a dependency jar, or the jars of a dependency folder; reports what is not a jar. */
    private static void expand(Path dependency, List<Path> classpath, DefinitionsAssembler assembler) {
        if (Files.isDirectory(dependency)) {
            try (Stream<Path> files = Files.list(dependency)) {
                files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                        .sorted()
                        .forEach(f -> expand(f, classpath, assembler));
            } catch (IOException e) {
                assembler.addProblem(new Problem(Problem.Kind.NOT_A_JAR, null, null, null,
                        "dependency folder " + dependency + " cannot be listed: " + e.getMessage()));
            }
            return;
        }
        String problem = checkJar(dependency, "dependency ");
        if (problem != null) {
            assembler.addProblem(new Problem(Problem.Kind.NOT_A_JAR, null, null, null, problem));
        } else {
            classpath.add(dependency);
        }
    }

    /** Why {@code path} is not a readable jar, or {@code null} when it is one. */
    private static String checkJar(Path path, String what) {
        if (!Files.exists(path)) {
            return what + path + " does not exist";
        }
        if (Files.isDirectory(path)) {
            return what + path + " is a folder, not a jar";
        }
        try {
            if (Files.size(path) == 0) {
                return what + path + " is an empty file, not a jar";
            }
            try (JarFile ignored = new JarFile(path.toFile())) {
                return null;
            }
        } catch (IOException | SecurityException e) {
            return what + path + " is not a jar (zip) file: " + e.getMessage();
        }
    }

    private static String describe(Path path) {
        try {
            return path.toRealPath().toString();
        } catch (IOException e) {
            return path.toString();
        }
    }

    private static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
    }

    private static void closeQuietly(JarClassLoader loader, Throwable cause) {
        try {
            loader.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
