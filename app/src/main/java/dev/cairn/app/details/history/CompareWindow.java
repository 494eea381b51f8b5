package dev.cairn.app.details.history;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window two materializations are compared in: side by side they need more room than the
 * details panel has. One window per history tab, shown again for the next comparison; it takes the
 * main window's style sheets and theme.
 */
final class CompareWindow {

    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private final StackPane root = new StackPane();
    private Stage stage;

    CompareWindow(Node content) {
        root.getChildren().add(content);
        root.getStyleClass().addAll("cairn-root", "compare-window");
        root.setPadding(new Insets(12, 16, 16, 16));
    }

    /** Shows the window over {@code owner}, titled for the asset. */
    void show(Window owner, String title) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            Scene scene = new Scene(root, Math.min(1000, screen.getWidth() - 40), Math.min(720, screen.getHeight() - 40));
            scene.setOnKeyPressed(e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                    stage.close();
                }
            });
            stage.setScene(scene);
        }
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
            root.pseudoClassStateChanged(DARK, owner.getScene().getRoot().getPseudoClassStates().contains(DARK));
        }
        stage.setTitle(title);
        stage.show();
        stage.toFront();
    }

    /** Whether the window is showing. */
    boolean isShowing() {
        return stage != null && stage.isShowing();
    }
}
