package dev.cairn.app.graph.view;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import java.io.IOException;
import java.io.InputStream;

/**
 * The fonts of the canvas: Inter, bundled with the app so that labels look the same everywhere,
 * falling back to the system font when it cannot be loaded. Each bundled weight registers as a family
 * of its own ("Inter", "Inter Semi Bold"), so the two are kept by name.
 *
 * @param regularFamily  family of body text
 * @param semiBoldFamily family of labels and titles, or null to ask {@code regularFamily} for semi-bold
 */
record GraphFonts(String regularFamily, String semiBoldFamily) {

    /** Registers the bundled fonts with JavaFX (harmless when repeated) and returns the families to use. */
    static GraphFonts load() {
        String regular = familyOf("Inter-Regular.otf");
        String semiBold = familyOf("Inter-SemiBold.otf");
        if (regular == null) {
            return new GraphFonts(Font.getDefault().getFamily(), null);
        }
        return new GraphFonts(regular, semiBold);
    }

    private static String familyOf(String file) {
        try (InputStream in = GraphFonts.class.getResourceAsStream("/dev/cairn/app/fonts/" + file)) {
            Font font = in == null ? null : Font.loadFont(in, 12);
            return font == null ? null : font.getFamily();
        } catch (IOException e) {
            // The system font is a fine fallback; nothing to report to the user.
            return null;
        }
    }

    Font regular(double size) {
        return Font.font(regularFamily, FontWeight.NORMAL, size);
    }

    Font semiBold(double size) {
        return semiBoldFamily != null ? Font.font(semiBoldFamily, size)
                : Font.font(regularFamily, FontWeight.SEMI_BOLD, size);
    }
}
