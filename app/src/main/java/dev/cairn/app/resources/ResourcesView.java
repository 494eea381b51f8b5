package dev.cairn.app.resources;

import java.util.List;

import dev.cairn.app.engine.DefinitionsUpdate;
import dev.cairn.engine.definitions.ConfigField;
import dev.cairn.engine.definitions.DefinitionsSnapshot;
import dev.cairn.engine.definitions.ResourceSpec;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The resources and IO managers of the open jar, each with its configuration fields. An
 * environment variable shows its name and whether it is set (and whether a default stands in),
 * never its value; the snapshot it reads holds no values of them. Follows the definitions as they
 * are reloaded; reads nothing itself, so it never blocks the UI thread.
 */
public final class ResourcesView extends ScrollPane {

    private final VBox content = new VBox(14);

    /** Shows the definitions {@code definitions} holds, now and whenever they change. */
    public ResourcesView(ObservableValue<DefinitionsUpdate> definitions) {
        getStyleClass().add("resources-view");
        content.getStyleClass().add("resources-content");
        content.setPadding(new Insets(18, 20, 20, 20));
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        show(definitions.getValue());
        definitions.addListener((o, was, now) -> show(now));
    }

    private void show(DefinitionsUpdate update) {
        DefinitionsSnapshot snapshot = update == null ? null : update.latest();
        content.getChildren().clear();
        Label title = new Label("Resources");
        title.getStyleClass().add("details-title");
        content.getChildren().add(title);
        if (snapshot == null) {
            content.getChildren().add(muted("No jar is open."));
            return;
        }
        content.getChildren().add(wrapped(muted("What the jar's assets use, as the jar configures it. Environment variables "
                + "are shown by name and whether they are set, never by value.")));
        long missing = count(snapshot.resources()) + count(snapshot.ioManagers());
        if (missing > 0) {
            Label warning = new Label(missing == 1
                    ? "1 environment variable is not set: runs of the assets that use it will not start."
                    : missing + " environment variables are not set: runs of the assets that use them will not start.");
            warning.setId("resourcesMissingWarning");
            warning.setWrapText(true);
            warning.getStyleClass().add("resources-warning");
            content.getChildren().add(warning);
        }
        content.getChildren().add(section("RESOURCES", snapshot.resources(), "resource",
                "The jar registers no resources."));
        if (!snapshot.ioManagers().isEmpty() || snapshot.ioManagerKeys().isEmpty()) {
            content.getChildren().add(section("IO MANAGERS", snapshot.ioManagers(), "IO manager",
                    "No IO managers."));
        }
    }

    private static long count(List<ResourceSpec> specs) {
        return specs.stream().mapToLong(s -> s.missingEnvVars().size()).sum();
    }

    private Node section(String heading, List<ResourceSpec> specs, String kind, String empty) {
        VBox box = new VBox(10);
        box.getStyleClass().add("details-section");
        Label title = new Label(heading + " (" + specs.size() + ")");
        title.getStyleClass().add("details-heading");
        box.getChildren().add(title);
        if (specs.isEmpty()) {
            box.getChildren().add(muted(empty));
        }
        for (ResourceSpec spec : specs) {
            box.getChildren().add(card(spec, kind));
        }
        return box;
    }

    private Node card(ResourceSpec spec, String kind) {
        Label key = new Label(spec.key());
        key.getStyleClass().add("resources-key");
        Label chip = new Label(kind);
        chip.getStyleClass().add("chip");
        Label type = new Label(simpleName(spec.className()));
        type.getStyleClass().add("details-muted");
        type.setTooltip(new Tooltip(spec.className()));
        HBox header = new HBox(8, key, chip, type);
        header.setAlignment(Pos.BASELINE_LEFT);

        VBox card = new VBox(8, header);
        card.getStyleClass().add("resources-card");
        card.setId("resource-" + spec.key());
        if (spec.config().isEmpty()) {
            card.getChildren().add(muted("No configuration to show: make it a record, or implement Configured."));
            return card;
        }
        GridPane fields = new GridPane();
        fields.getStyleClass().add("resources-fields");
        fields.setHgap(14);
        fields.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(90);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        fields.getColumnConstraints().addAll(names, values);
        int row = 0;
        for (ConfigField field : spec.config()) {
            Label name = new Label(field.name());
            name.getStyleClass().add("details-key");
            fields.add(name, 0, row);
            fields.add(value(field), 1, row);
            row++;
        }
        card.getChildren().add(fields);
        return card;
    }

    private static Node value(ConfigField field) {
        if (field.envVar() == null) {
            Label value = new Label(field.value());
            value.getStyleClass().add("resources-value");
            value.setWrapText(true);
            value.setTooltip(new Tooltip(field.type()));
            return value;
        }
        Label variable = new Label("$" + field.envVar());
        variable.getStyleClass().addAll("resources-value", "resources-env");
        Label state;
        if (field.envVarSet()) {
            state = new Label("set");
            state.getStyleClass().addAll("badge", "badge-fresh");
        } else if (field.hasDefault()) {
            state = new Label("not set: default used");
            state.getStyleClass().addAll("badge", "badge-missing");
        } else {
            state = new Label("not set");
            state.getStyleClass().addAll("badge", "badge-failed");
        }
        state.getStyleClass().add("resources-env-state");
        HBox box = new HBox(8, variable, state);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static String simpleName(String className) {
        int dot = Math.max(className.lastIndexOf('.'), className.lastIndexOf('$'));
        return dot < 0 ? className : className.substring(dot + 1);
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("details-muted");
        return l;
    }

    private static Label wrapped(Label label) {
        label.setWrapText(true);
        return label;
    }
}
