import java.io.File;

import javafx.css.Stylesheet;

/**
 * Build step (run by app/pom.xml with the app's class path, as a single-file program): compiles the
 * app's stylesheets to JavaFX's binary form next to them. The window loads {@code cairn.bss} rather
 * than parsing {@code cairn.css} on start-up: in a fresh JVM the CSS parser cost about 0.3 s.
 *
 * <p>Arguments: pairs of source and destination files.
 */
public final class CompileStylesheets {

    private CompileStylesheets() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("expected pairs of source and destination files");
        }
        for (int i = 0; i < args.length; i += 2) {
            File destination = new File(args[i + 1]);
            destination.getParentFile().mkdirs();
            Stylesheet.convertToBinary(new File(args[i]), destination);
        }
    }
}
