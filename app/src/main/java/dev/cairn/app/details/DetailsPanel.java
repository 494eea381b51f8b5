package dev.cairn.app.details;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cairn.app.format.Formats;
import dev.cairn.app.graph.GraphViewModel;
import dev.cairn.app.graph.NodeStatuses;
import dev.cairn.app.graph.model.NodeBadge;
import dev.cairn.app.graph.model.NodeStatus;
import dev.cairn.app.session.WorkspaceViewModel;
import dev.cairn.app.shell.Icons;
import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.DefinitionsSnapshot;
import dev.cairn.engine.staleness.AssetState;
import dev.cairn.engine.staleness.AssetStatus;
import dev.cairn.engine.staleness.RootCause;
import dev.cairn.engine.staleness.StaleCause;
import dev.cairn.engine.staleness.StalenessReport;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The side panel describing the selected asset: key, group, description, status with its causes and
 * the changes on their way from upstream, code version and definition, upstream and downstream
 * assets, and the last materialization. With several assets selected it lists them.
 */
public final class DetailsPanel extends ScrollPane {

    /** What the panel's links and buttons do. */
    public interface Actions {
        /** Materializes the keys, with everything upstream of them or not. */
        void materialize(Set<String> keys, boolean withUpstream);

        /** Selects an asset and shows it in the graph. */
        void reveal(String key);

        /** Shows a run in the run panel. */
        void showRun(String runId);
    }

    private final GraphViewModel graph;
    private final WorkspaceViewModel workspace;
    private final Clock clock;
    private final Actions actions;
    private final VBox content = new VBox(14);
    private List<Object> shownFingerprint;

    public DetailsPanel(GraphViewModel graph, WorkspaceViewModel workspace, Clock clock, Actions actions) {
        this.graph = Objects.requireNonNull(graph);
        this.workspace = Objects.requireNonNull(workspace);
        this.clock = Objects.requireNonNull(clock);
        this.actions = Objects.requireNonNull(actions);
        setId("detailsPanel");
        getStyleClass().add("details-panel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        content.getStyleClass().add("details-content");
        content.setPadding(new Insets(16, 18, 18, 18));
        setContent(content);
        graph.selection().addListener((SetChangeListener<String>) c -> refresh());
        graph.statusesProperty().addListener((o, a, b) -> refresh());
        workspace.definitionsProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /**
     * Rebuilds the content for the current selection, unless nothing it shows changed (statuses
     * change every second while a run goes on); keeps the scroll position.
     */
    public void refresh() {
        List<Object> now = fingerprint();
        if (now.equals(shownFingerprint)) {
            return;
        }
        shownFingerprint = now;
        double scroll = getVvalue();
        rebuild();
        layout();
        setVvalue(scroll);
    }

    /** Everything the content depends on. */
    private List<Object> fingerprint() {
        List<Object> parts = new java.util.ArrayList<>();
        parts.add(workspace.definitionsProperty().get());
        parts.add(workspace.statusProperty().get());
        parts.add(workspace.canRun());
        parts.add(List.copyOf(graph.selection()));
        if (graph.selection().isEmpty()) {
            parts.add(graph.statusesProperty().get());
        } else {
            graph.selection().forEach(k -> parts.add(graph.status(k)));
        }
        return parts;
    }

    private void rebuild() {
        content.getChildren().clear();
        Set<String> selected = graph.selection();
        AssetGraph g = graph.assetGraph();
        if (g == null || selected.isEmpty()) {
            content.getChildren().add(g == null ? empty() : overview(g));
            return;
        }
        List<String> keys = selected.stream().filter(g::contains).toList();
        if (keys.size() == 1) {
            showAsset(g, g.require(keys.get(0)));
        } else if (!keys.isEmpty()) {
            showMany(keys);
        } else {
            content.getChildren().add(empty());
        }
    }

    private Node empty() {
        Label title = new Label("No asset selected");
        title.getStyleClass().add("details-empty-title");
        Label hint = new Label("Click an asset in the graph to see its status, lineage and last "
                + "materialization. Arrow keys move between assets; Ctrl+F searches.");
        hint.setWrapText(true);
        hint.getStyleClass().add("details-muted");
        VBox box = new VBox(8, Icons.large("fth-mouse-pointer"), title, hint);
        box.setAlignment(Pos.TOP_LEFT);
        box.setPadding(new Insets(24, 0, 0, 0));
        return box;
    }

    /** With nothing selected: the jar at a glance, and its jobs, each one click from running. */
    private Node overview(AssetGraph g) {
        DefinitionsSnapshot snapshot = graph.shown();
        String jar = workspace.jarProperty().get() == null ? "Assets" : workspace.jarProperty().get().getFileName().toString();
        Label title = new Label(jar);
        title.getStyleClass().add("details-title");
        long groups = g.assets().values().stream().map(AssetSpec::group).distinct().count();
        Label summary = muted(g.assets().size() + " assets in " + groups + (groups == 1 ? " group" : " groups")
                + " · " + g.edgeCount() + " dependencies");
        FlowPane badges = new FlowPane(6, 6);
        java.util.Map<NodeBadge, Long> counts = graph.statusesProperty().get().values().stream()
                .collect(Collectors.groupingBy(NodeStatus::badge, () -> new java.util.EnumMap<>(NodeBadge.class),
                        Collectors.counting()));
        counts.forEach((badge, n) -> {
            Label l = badge(new NodeStatus(badge, ""));
            l.setText(n + " " + badge.label().toLowerCase(java.util.Locale.ROOT));
            badges.getChildren().add(l);
        });
        VBox box = new VBox(10, title, summary, badges);
        if (snapshot != null && !snapshot.jobs().isEmpty()) {
            VBox jobs = new VBox(10);
            for (dev.cairn.engine.definitions.JobSpec job : snapshot.jobs()) {
                Button run = new Button(null, Icons.of("fth-play"));
                run.getStyleClass().addAll("button-icon", "flat");
                run.setTooltip(new javafx.scene.control.Tooltip("Materialize " + job.selection()));
                run.setDisable(!workspace.canRun());
                run.setOnAction(e -> workspace.materialize(job.selection()));
                Label name = new Label(job.name());
                name.getStyleClass().add("details-strong");
                Label what = muted(job.description().isBlank() ? job.selection() : job.description());
                Label selection = new Label(job.selection());
                selection.getStyleClass().add("details-code");
                VBox text = new VBox(2, name, what, selection);
                HBox.setHgrow(text, Priority.ALWAYS);
                HBox row = new HBox(8, text, run);
                row.setAlignment(Pos.TOP_LEFT);
                jobs.getChildren().add(row);
            }
            box.getChildren().add(section("Jobs", jobs));
        }
        Label hint = muted("Select an asset to see its status, lineage and last materialization. "
                + "Arrow keys move between assets; Ctrl+F searches.");
        box.getChildren().add(section("Tips", hint));
        return box;
    }

    private void showAsset(AssetGraph g, AssetSpec spec) {
        StalenessReport report = workspace.statusProperty().get();
        AssetState state = report == null ? null : report.states().get(spec.key());
        Instant now = clock.instant();
        NodeStatus status = graph.status(spec.key());

        Label key = new Label(spec.key());
        key.getStyleClass().add("details-title");
        key.setWrapText(true);
        HBox chips = new HBox(6, badge(status), chip(spec.group(), "chip-group"),
                chip(spec.isSource() ? (spec.observable() ? "observable source" : "source") : "asset", "chip-kind"));
        chips.setAlignment(Pos.CENTER_LEFT);
        content.getChildren().addAll(key, chips);
        if (!spec.description().isBlank()) {
            Label description = new Label(spec.description());
            description.setWrapText(true);
            description.getStyleClass().add("details-description");
            content.getChildren().add(description);
        }

        Button materialize = new Button("Materialize", Icons.of("fth-play"));
        materialize.setId("detailsMaterialize");
        materialize.getStyleClass().add("accent");
        materialize.setOnAction(e -> actions.materialize(Set.of(spec.key()), false));
        Button withUpstream = new Button("With upstream", Icons.of("fth-chevrons-up"));
        withUpstream.setOnAction(e -> actions.materialize(Set.of(spec.key()), true));
        boolean runnable = workspace.canRun();
        materialize.setDisable(!runnable);
        withUpstream.setDisable(!runnable);
        HBox buttons = new HBox(8, materialize, withUpstream);
        content.getChildren().add(buttons);

        content.getChildren().add(section("Status", statusBody(spec, state, report, now)));
        content.getChildren().add(section("Lineage", lineage(g, spec)));
        content.getChildren().add(section("Last materialization", lastMaterialization(spec, state, now)));
        content.getChildren().add(section("Definition", definition(spec)));
    }

    private Node statusBody(AssetSpec spec, AssetState state, StalenessReport report, Instant now) {
        VBox box = new VBox(6);
        Label headline = new Label(NodeStatuses.headline(spec, state, graph.runningSince(spec.key()), now, clock.getZone()));
        headline.setWrapText(true);
        headline.getStyleClass().add("details-strong");
        box.getChildren().add(headline);
        if (state != null && state.status() == AssetStatus.STALE) {
            for (StaleCause cause : state.causes()) {
                box.getChildren().add(bullet(cause.message()));
            }
        }
        if (state != null && state.latestAttemptFailed()) {
            box.getChildren().add(failure(spec.key()));
        }
        List<RootCause> roots = report == null || state == null ? List.of() : report.explain(spec.key()).rootCauses();
        if (!roots.isEmpty()) {
            Label on = new Label("Upstream changes on the way");
            on.getStyleClass().add("details-subheading");
            box.getChildren().add(on);
            roots.forEach(r -> box.getChildren().add(bullet(r.sentence())));
        }
        if (state == null) {
            box.getChildren().add(muted("Reading the event log…"));
        }
        return box;
    }

    /** The error of the asset's latest failed attempt, read from the log, with a link to its run. */
    private Node failure(String key) {
        VBox box = new VBox(4);
        box.getStyleClass().add("details-failure");
        box.getChildren().add(muted("Its latest attempt failed."));
        workspace.latestFailure(key).thenAccept(found -> javafx.application.Platform.runLater(() -> found.ifPresent(e -> {
            box.getChildren().clear();
            Label error = new Label(e.data() instanceof dev.cairn.engine.events.EventData.StepFailed f && f.error() != null
                    ? f.error().summary() : e.message());
            error.setWrapText(true);
            error.getStyleClass().add("details-error");
            Hyperlink run = new Hyperlink("Run " + Formats.shortRunId(e.runId()) + " · "
                    + Formats.time(e.timestamp(), clock.instant(), clock.getZone()));
            run.getStyleClass().add("details-link");
            run.setOnAction(a -> actions.showRun(e.runId()));
            box.getChildren().addAll(muted("Its latest attempt failed:"), error, run);
        })));
        return box;
    }

    private Node lineage(AssetGraph g, AssetSpec spec) {
        GridPane grid = grid();
        row(grid, 0, "Upstream", links(g.parents(spec.key())));
        row(grid, 1, "Downstream", links(g.children(spec.key())));
        return grid;
    }

    private Node links(Set<String> keys) {
        if (keys.isEmpty()) {
            return muted("none");
        }
        FlowPane flow = new FlowPane(2, 2);
        for (String k : keys) {
            Hyperlink link = new Hyperlink(k);
            link.getStyleClass().add("details-link");
            link.setOnAction(e -> actions.reveal(k));
            flow.getChildren().add(link);
        }
        return flow;
    }

    private Node lastMaterialization(AssetSpec spec, AssetState state, Instant now) {
        if (state == null || state.lastMaterializedAt() == null) {
            return muted(spec.isSource() ? "never observed" : "never materialized");
        }
        GridPane grid = grid();
        Instant at = state.lastMaterializedAt();
        row(grid, 0, "When", text(Formats.time(at, now, clock.getZone()) + "  (" + Formats.ago(at, now, clock.getZone()) + ")"));
        Hyperlink run = new Hyperlink(Formats.shortRunId(state.lastRunId()));
        run.getStyleClass().add("details-link");
        run.setOnAction(e -> actions.showRun(state.lastRunId()));
        row(grid, 1, "Run", run);
        return grid;
    }

    private Node definition(AssetSpec spec) {
        GridPane grid = grid();
        int r = 0;
        row(grid, r++, "Code version", text(spec.codeVersion() == null ? "none (every run is a new version)" : spec.codeVersion()));
        row(grid, r++, "IO manager", text(spec.ioManagerKey()));
        if (!spec.location().isEmpty()) {
            row(grid, r++, "Defined in", text(simpleLocation(spec)));
        }
        if (spec.valueType() != null && !spec.valueType().isBlank()) {
            row(grid, r++, "Type", text(simpleType(spec.valueType())));
        }
        if (!spec.tags().isEmpty()) {
            row(grid, r++, "Tags", text(spec.tags().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(t -> t.getValue().isEmpty() ? t.getKey() : t.getKey() + "=" + t.getValue())
                    .collect(Collectors.joining(", "))));
        }
        if (!spec.owners().isEmpty()) {
            row(grid, r++, "Owners", text(String.join(", ", spec.owners())));
        }
        if (spec.retry() != null && spec.retry().maxRetries() > 0) {
            row(grid, r, "Retries", text(spec.retry().maxRetries() + ", " + spec.retry().delayMillis() + " ms apart"));
        }
        return grid;
    }

    private static String simpleLocation(AssetSpec spec) {
        String cls = spec.className();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + spec.methodName() + "()";
    }

    /** java.util.List&lt;dev.x.Story&gt; as List&lt;Story&gt;. */
    static String simpleType(String type) {
        return type.replaceAll("\\b[a-z][a-z0-9_]*\\.", "").replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
    }

    private void showMany(List<String> keys) {
        Label title = new Label(keys.size() + " assets selected");
        title.getStyleClass().add("details-title");
        Button materialize = new Button("Materialize " + keys.size(), Icons.of("fth-play"));
        materialize.getStyleClass().add("accent");
        materialize.setOnAction(e -> actions.materialize(Set.copyOf(keys), false));
        materialize.setDisable(!workspace.canRun());
        VBox list = new VBox(4);
        for (String k : keys) {
            NodeStatus s = graph.status(k);
            Hyperlink link = new Hyperlink(k);
            link.getStyleClass().add("details-link");
            link.setOnAction(e -> actions.reveal(k));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(6, link, spacer, badge(s));
            row.setAlignment(Pos.CENTER_LEFT);
            list.getChildren().add(row);
        }
        content.getChildren().addAll(title, materialize, section("Selected", list));
    }

    // ------------------------------------------------------------------ building blocks

    static Label badge(NodeStatus status) {
        NodeBadge b = status == null ? NodeBadge.MISSING : status.badge();
        Label l = new Label(b.label());
        l.getStyleClass().addAll("badge", "badge-" + b.name().toLowerCase(java.util.Locale.ROOT));
        return l;
    }

    private static Label chip(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("chip", style);
        return l;
    }

    private static Node section(String title, Node body) {
        Label heading = new Label(title.toUpperCase(java.util.Locale.ROOT));
        heading.getStyleClass().add("details-heading");
        VBox box = new VBox(8, heading, body);
        box.getStyleClass().add("details-section");
        return box;
    }

    private static Node bullet(String text) {
        Label dot = new Label("•");
        dot.getStyleClass().add("details-muted");
        Label l = new Label(text);
        l.setWrapText(true);
        HBox row = new HBox(6, dot, l);
        HBox.setHgrow(l, Priority.ALWAYS);
        return row;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("details-muted");
        return l;
    }

    private static Label text(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        return grid;
    }

    private static void row(GridPane grid, int row, String name, Node value) {
        Label l = new Label(name);
        l.getStyleClass().add("details-key");
        l.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(l, 0, row);
        grid.add(value, 1, row);
        GridPane.setHgrow(value, Priority.ALWAYS);
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
    }
}
