package dev.cairn.app.shell;

import java.net.URL;
import java.util.Objects;

/**
 * The app's stylesheets by name: the binary form the build compiles ({@code name.bss}, see
 * {@code app/src/build/CompileStylesheets.java}), which loads without the CSS parser, or the source
 * ({@code name.css}) where the build step did not run, as in some IDEs.
 */
public final class Stylesheets {

    private Stylesheets() {
    }

    /**
     * The URL of a stylesheet next to a class.
     *
     * @param anchor the class whose package holds the stylesheet
     * @param name the file name without its extension
     * @throws NullPointerException if neither form exists
     */
    public static String url(Class<?> anchor, String name) {
        URL binary = anchor.getResource(name + ".bss");
        return (binary != null ? binary : Objects.requireNonNull(anchor.getResource(name + ".css"), name + ".css"))
                .toExternalForm();
    }
}
