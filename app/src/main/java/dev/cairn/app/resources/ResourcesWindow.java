package dev.cairn.app.resources;

import java.util.Objects;

import dev.cairn.app.engine.DefinitionsUpdate;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window beside the main one with the {@link ResourcesView}, following the main window's theme.
 * One per main window: showing it again brings it to the front.
 */
public final class ResourcesWindow {

    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private final Stage stage = new Stage();
    private final ResourcesView view;

    /**
     * @param owner the main window
     * @param definitions the open jar's definitions
     * @param dark whether the dark theme is on
     * @param stylesheet the app's style sheet
     */
    public ResourcesWindow(Window owner, ObservableValue<DefinitionsUpdate> definitions, ObservableValue<Boolean> dark,
                           String stylesheet) {
        view = new ResourcesView(definitions);
        Scene scene = new Scene(view, 640, 600);
        scene.getStylesheets().addAll(Objects.requireNonNull(stylesheet), Objects.requireNonNull(
                ResourcesWindow.class.getResource("/dev/cairn/app/resources/resources.css")).toExternalForm());
        view.pseudoClassStateChanged(DARK, Boolean.TRUE.equals(dark.getValue()));
        dark.addListener((o, was, now) -> view.pseudoClassStateChanged(DARK, Boolean.TRUE.equals(now)));
        stage.initOwner(owner);
        stage.setTitle("Resources");
        stage.setMinWidth(420);
        stage.setMinHeight(300);
        stage.setScene(scene);
    }

    /** Shows the window, or brings it to the front. */
    public void show() {
        stage.show();
        stage.toFront();
    }

    /** The window's stage. */
    public Stage stage() {
        return stage;
    }

    /** The view it shows. */
    public ResourcesView view() {
        return view;
    }
}
