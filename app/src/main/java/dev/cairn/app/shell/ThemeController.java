package dev.cairn.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.cairn.app.graph.view.GraphCanvas;
import dev.cairn.app.graph.view.GraphTheme;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Light or dark: AtlantaFX's Primer Light or Primer Dark for the controls, and the matching
 * {@link GraphTheme} for the canvas, switched together.
 */
public final class ThemeController {

    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final GraphCanvas canvas;

    public ThemeController(GraphCanvas canvas, boolean initiallyDark) {
        this.canvas = canvas;
        dark.set(initiallyDark);
        apply(initiallyDark);
        dark.addListener((o, was, now) -> apply(now));
    }

    /** Whether the dark theme is on. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    /**
     * Makes the theme's stylesheet the application's. Call it before the first control is created:
     * the first control otherwise loads JavaFX's own Modena theme, only for it to be replaced. The
     * stylesheet is AtlantaFX's precompiled binary one, which needs no parsing (the CSS source of
     * a theme is about 170 KB).
     */
    public static void useStylesheet(boolean isDark) {
        String url = isDark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS();
        if (!url.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(url);
        }
    }

    private void apply(boolean isDark) {
        useStylesheet(isDark);
        canvas.themeProperty().set(isDark ? GraphTheme.primerDark() : GraphTheme.primerLight());
        if (canvas.getScene() != null && canvas.getScene().getRoot() != null) {
            canvas.getScene().getRoot().pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), isDark);
        }
    }
}
