package dev.cairn.app.charts;

import java.util.List;
import java.util.Objects;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A window of its own for a {@link PlotsView}, reused from one asset to the next. */
public final class PlotsWindow {

    private final Stage stage = new Stage();
    private final PlotsView view;

    /**
     * @param owner the window it belongs to (it closes with it)
     * @param stylesheets the app's stylesheets, so that it looks like the rest of the app
     */
    public PlotsWindow(Window owner, PlotsView view, List<String> stylesheets) {
        this.view = Objects.requireNonNull(view);
        stage.initOwner(owner);
        Scene scene = new Scene(view, 1100, 760);
        scene.getStylesheets().setAll(stylesheets);
        stage.setScene(scene);
        stage.setMinWidth(560);
        stage.setMinHeight(360);
        view.model().assetKeyProperty().addListener((o, a, key) -> stage.setTitle("Plots · " + key + " · Cairn"));
    }

    /** Shows the window with the plots of an asset, in front. */
    public void show(String assetKey) {
        view.show(assetKey);
        stage.show();
        stage.toFront();
    }

    /** Hides the window. */
    public void hide() {
        stage.hide();
    }

    /** The view inside. */
    public PlotsView view() {
        return view;
    }
}
