package dev.cairn.engine.loading;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import dev.cairn.api.DefinitionsProvider;

/**
 * The class loader of one loaded jar and its dependencies. Its parent is the engine's loader, so
 * the user's classes and the engine share {@code dev.cairn.api}. Service lookups for
 * {@link DefinitionsProvider} see only the user's jar: a provider in a dependency or on the
 * engine's class path is not the user's.
 */
final class JarClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String PROVIDERS = "META-INF/services/" + DefinitionsProvider.class.getName();

    private final String ownPrefix;

    JarClassLoader(Path jar, List<Path> dependencies, ClassLoader parent) throws MalformedURLException {
        super("cairn:" + jar.getFileName(), urls(jar, dependencies), parent);
        this.ownPrefix = "jar:" + jar.toUri().toURL() + "!/";
    }

    private static URL[] urls(Path jar, List<Path> dependencies) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        urls.add(jar.toUri().toURL());
        for (Path dep : dependencies) {
            urls.add(dep.toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!name.equals(PROVIDERS)) {
            return super.getResources(name);
        }
        List<URL> own = new ArrayList<>();
        for (URL url : Collections.list(findResources(name))) {
            if (url.toString().startsWith(ownPrefix)) {
                own.add(url);
            }
        }
        return Collections.enumeration(own);
    }
}
