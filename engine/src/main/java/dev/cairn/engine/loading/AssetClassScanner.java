package dev.cairn.engine.loading;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.cairn.api.Asset;
import io.github.classgraph.AnnotationInfo;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.MethodInfo;
import io.github.classgraph.ScanResult;

/**
 * Finds the classes of a jar that declare {@link Asset} methods by reading their bytecode, so
 * that no class is loaded, let alone initialized, just to find out it has no assets.
 */
final class AssetClassScanner {

    private static final String ASSET = Asset.class.getName();

    private AssetClassScanner() {
    }

    /** A class that declares assets, and what its bytecode says about them. */
    record AssetClass(String className, List<AssetMethod> methods) {
        AssetClass {
            methods = List.copyOf(methods);
        }

        /** The keys of its assets, comma-separated, for messages. */
        String keys() {
            return String.join(", ", methods.stream().map(AssetMethod::key).toList());
        }
    }

    /** An {@link Asset} method and the key it declares (its name when the annotation gives none). */
    record AssetMethod(String name, String key) { }

    /**
     * The classes of {@code jar} with {@link Asset} methods, sorted by name. Only the jar itself
     * is read: not the jars its manifest lists, nor nested jars.
     *
     * @throws io.github.classgraph.ClassGraphException if the jar cannot be read
     */
    static List<AssetClass> scan(Path jar) {
        String only = jar.toAbsolutePath().normalize().toString();
        List<AssetClass> found = new ArrayList<>();
        try (ScanResult result = new ClassGraph()
                .overrideClasspath(only)
                .filterClasspathElements(element -> isSame(element, only))
                .disableModuleScanning()
                .disableNestedJarScanning()
                .enableClassInfo()
                .enableMethodInfo()
                .enableAnnotationInfo()
                .disableRuntimeInvisibleAnnotations()
                // Non-public asset classes and methods are found too, to be reported rather than ignored.
                .ignoreClassVisibility()
                .ignoreMethodVisibility()
                .scan()) {
            for (ClassInfo type : result.getClassesWithMethodAnnotation(ASSET)) {
                List<AssetMethod> methods = new ArrayList<>();
                for (MethodInfo method : type.getDeclaredMethodInfo()) {
                    AnnotationInfo asset = method.getAnnotationInfo(ASSET);
                    if (asset != null) {
                        Object key = asset.getParameterValues().getValue("key");
                        methods.add(new AssetMethod(method.getName(),
                                key instanceof String s && !s.isEmpty() ? s : method.getName()));
                    }
                }
                found.add(new AssetClass(type.getName(), methods));
            }
        }
        found.sort(java.util.Comparator.comparing(AssetClass::className));
        return found;
    }

    private static boolean isSame(String classpathElement, String jar) {
        try {
            return Path.of(classpathElement).toAbsolutePath().normalize().toString().equals(jar);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
