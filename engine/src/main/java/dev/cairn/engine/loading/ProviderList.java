package dev.cairn.engine.loading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.cairn.api.DefinitionsProvider;

/** The provider class names a jar lists, read the way {@link java.util.ServiceLoader} reads them. */
final class ProviderList {

    private static final String FILE = "META-INF/services/" + DefinitionsProvider.class.getName();

    private ProviderList() {
    }

    /**
     * The names in order, without comments, blank lines or repeats. A malformed line, which ends
     * the lookup of the file, is the last name.
     */
    static List<String> read(ClassLoader loader) {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (URL url : Collections.list(loader.getResources(FILE))) {
                URLConnection connection = url.openConnection();
                connection.setUseCaches(false);
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        int comment = line.indexOf('#');
                        String name = (comment < 0 ? line : line.substring(0, comment)).strip();
                        if (!name.isEmpty()) {
                            names.add(name);
                            if (!isClassName(name)) {
                                return new ArrayList<>(names);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(names);
    }

    private static boolean isClassName(String name) {
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.codePointAt(0))
                    || !part.codePoints().allMatch(Character::isJavaIdentifierPart)) {
                return false;
            }
        }
        return true;
    }
}
