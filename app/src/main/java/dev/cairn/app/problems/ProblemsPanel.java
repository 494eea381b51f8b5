package dev.cairn.app.problems;

import java.util.List;
import java.util.Locale;

import dev.cairn.app.shell.Icons;
import dev.cairn.engine.definitions.Problem;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Every problem of a broken jar, readable: what kind, where (asset, class, method) and what to
 * change. Shown over the graph, which keeps the last working definitions when there are any.
 */
public final class ProblemsPanel extends VBox {

    private static final double MAX_LIST_HEIGHT = 236;
    private static final double ROW_HEIGHT = 62;

    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final VBox list = new VBox(6);
    private final Button collapse = new Button();
    private final ScrollPane scroll = new ScrollPane(list);
    private boolean collapsed;

    public ProblemsPanel() {
        setId("problemsPanel");
        getStyleClass().add("problems-panel");
        title.getStyleClass().add("problems-title");
        subtitle.getStyleClass().add("problems-subtitle");
        subtitle.setWrapText(true);
        collapse.getStyleClass().addAll("flat", "small");
        collapse.setOnAction(e -> setCollapsed(!collapsed));
        VBox titles = new VBox(2, title, subtitle);
        HBox.setHgrow(titles, Priority.ALWAYS);
        HBox header = new HBox(10, Icons.of("fth-alert-octagon"), titles, collapse);
        header.setAlignment(Pos.TOP_LEFT);
        header.getStyleClass().add("problems-header");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("problems-scroll");
        list.setPadding(new Insets(2, 2, 2, 28));
        getChildren().addAll(header, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        setCollapsed(false);
    }

    /**
     * Shows problems.
     *
     * @param jarName the jar's file name
     * @param problems what is wrong
     * @param showingPrevious whether the graph shows the last working definitions
     */
    public void show(String jarName, List<Problem> problems, boolean showingPrevious) {
        title.setText(jarName + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        subtitle.setText(showingPrevious
                ? "The graph shows the last definitions that loaded. Fix the jar and rebuild it: Cairn reloads it by itself."
                : "Nothing can run until these are fixed. Rebuild the jar and Cairn reloads it by itself.");
        list.getChildren().clear();
        for (Problem p : problems) {
            list.getChildren().add(row(p));
        }
        // As tall as the problems (a row is about 56 px), up to a few of them; the rest scroll.
        scroll.setPrefViewportHeight(Math.min(problems.size() * ROW_HEIGHT, MAX_LIST_HEIGHT));
    }

    private static VBox row(Problem p) {
        Label kind = new Label(kindName(p.kind()));
        kind.getStyleClass().add("problem-kind");
        Label where = new Label(where(p));
        where.getStyleClass().add("problem-where");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, kind, where);
        top.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label(p.message());
        message.setWrapText(true);
        message.getStyleClass().add("problem-message");
        VBox box = new VBox(3, top, message);
        box.getStyleClass().add("problem");
        return box;
    }

    /** "UNKNOWN_UPSTREAM" as "Unknown upstream". */
    static String kindName(Problem.Kind kind) {
        String words = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String where(Problem p) {
        StringBuilder s = new StringBuilder();
        if (p.assetKey() != null) {
            s.append(p.assetKey());
        }
        if (p.className() != null) {
            String simple = p.className().substring(p.className().lastIndexOf('.') + 1);
            s.append(s.length() > 0 ? "  ·  " : "").append(simple);
            if (p.methodName() != null) {
                s.append('.').append(p.methodName()).append("()");
            }
        }
        return s.toString();
    }

    /** Shows only the header, or everything. */
    public void setCollapsed(boolean value) {
        collapsed = value;
        getChildren().get(1).setVisible(!value);
        getChildren().get(1).setManaged(!value);
        collapse.setText(value ? "Show" : "Hide");
    }
}
