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

    private void apply(boolean isDark) {
        Application.setUserAgentStylesheet(isDark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        canvas.themeProperty().set(isDark ? GraphTheme.primerDark() : GraphTheme.primerLight());
        if (canvas.getScene() != null && canvas.getScene().getRoot() != null) {
            canvas.getScene().getRoot().pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), isDark);
        }
    }
}
