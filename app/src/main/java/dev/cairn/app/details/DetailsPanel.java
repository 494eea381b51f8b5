package dev.cairn.app.details;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import atlantafx.base.theme.Styles;
import dev.cairn.app.details.history.CompareView;
import dev.cairn.app.details.history.HistoryTab;
import dev.cairn.app.details.metadata.ExternalOpener;
import dev.cairn.app.details.metadata.MetadataContext;
import dev.cairn.app.details.metadata.SystemOpener;
import dev.cairn.app.graph.GraphViewModel;
import dev.cairn.app.graph.model.NodeBadge;
import dev.cairn.app.graph.model.NodeStatus;
import dev.cairn.app.session.Notice;
import dev.cairn.app.session.WorkspaceViewModel;
import dev.cairn.app.shell.Icons;
import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.DefinitionsSnapshot;
import dev.cairn.engine.definitions.JobSpec;
import javafx.application.Platform;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The side panel describing the selected asset. A header names it (key, badge, group, kind) with
 * the materialize buttons; below it, tabs: Overview (status with its causes, lineage, definition),
 * Latest (the latest materialization with its metadata drawn by type) and History (every
 * materialization, paged, with a side-by-side comparison of two). More tabs plug in with
 * {@link #addTab}. With nothing selected it shows the jar at a glance and its jobs; with several
 * assets, the list of them.
 */
public final class DetailsPanel extends BorderPane {

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
    private final Actions actions;
    private final VBox header = new VBox(8);
    private final TabPane tabs = new TabPane();
    private final List<DetailsTab> detailsTabs = new ArrayList<>();
    private final VBox content = new VBox(14);
    private final ScrollPane scroll = new ScrollPane(content);
    private final OverviewTab overview;
    private final LatestTab latest;
    private final HistoryTab history;
    private List<Object> shownFingerprint;
    private ShownAsset shown;

    public DetailsPanel(GraphViewModel graph, WorkspaceViewModel workspace, Clock clock, Actions actions) {
        this(graph, workspace, clock, actions, AssetRecords.of(workspace), new SystemOpener(message -> Platform.runLater(() ->
                workspace.notices().add(new Notice(Notice.Kind.WARNING, "Cannot open", message, false)))));
    }

    /**
     * @param records where the latest materialization and the history are read from
     * @param opener opens metadata paths and links outside the app
     */
    public DetailsPanel(GraphViewModel graph, WorkspaceViewModel workspace, Clock clock, Actions actions,
                        AssetRecords records, ExternalOpener opener) {
        this.graph = Objects.requireNonNull(graph);
        this.workspace = Objects.requireNonNull(workspace);
        this.actions = Objects.requireNonNull(actions);
        Objects.requireNonNull(clock);
        setId("detailsPanel");
        getStyleClass().add("details-panel");

        MetadataContext context = new MetadataContext(clock.getZone(), opener, actions::reveal);
        java.util.function.Supplier<Path> workspaceFolder = workspace::workspaceFolder;
        overview = new OverviewTab(graph, workspace, clock, actions);
        latest = new LatestTab(records, clock, context, actions::showRun, workspaceFolder);
        history = new HistoryTab(records, clock.getZone(), actions::showRun, new CompareView(records, context, workspaceFolder));
        addTab(overview);
        addTab(latest);
        addTab(history);

        header.getStyleClass().add("details-header");
        header.setPadding(new Insets(12, 16, 8, 16));
        tabs.setId("detailsTabs");
        tabs.getStyleClass().add("details-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> showSelectedTab());
        content.getStyleClass().add("details-content");
        content.setPadding(new Insets(16, 18, 18, 18));
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("details-scroll");
        setCenter(scroll);

        graph.selection().addListener((SetChangeListener<String>) c -> refresh());
        graph.statusesProperty().addListener((o, a, b) -> refresh());
        workspace.definitionsProperty().addListener((o, a, b) -> refresh());
        workspace.statusProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /**
     * Adds a tab shown for a single selected asset, after the others. One line adds a view: the tab
     * is told which asset to show whenever it is selected and the asset changes.
     */
    public void addTab(DetailsTab tab) {
        detailsTabs.add(tab);
        Tab t = new Tab(tab.title(), tab.view());
        t.setId("detailsTab" + tab.title().replaceAll("\\W", ""));
        tabs.getTabs().add(t);
    }

    /** The history tab, for tests. */
    public HistoryTab history() {
        return history;
    }

    /**
     * Rebuilds what is shown for the current selection, unless nothing it shows changed (statuses
     * change every second while a run goes on); keeps the scroll position.
     */
    public void refresh() {
        List<Object> now = fingerprint();
        if (now.equals(shownFingerprint)) {
            return;
        }
        shownFingerprint = now;
        AssetGraph g = graph.assetGraph();
        List<String> keys = g == null ? List.of() : graph.selection().stream().filter(g::contains).toList();
        if (keys.size() == 1) {
            AssetSpec spec = g.require(keys.get(0));
            var report = workspace.statusProperty().get();
            shown = new ShownAsset(g, spec, report == null ? null : report.states().get(spec.key()), report,
                    graph.status(spec.key()));
            buildHeader(shown);
            if (getCenter() != tabs) {
                setTop(header);
                setCenter(tabs);
            }
            showSelectedTab();
            return;
        }
        shown = null;
        double v = scroll.getVvalue();
        content.getChildren().clear();
        if (g == null || graph.selection().isEmpty()) {
            content.getChildren().add(g == null ? empty() : jarOverview(g));
        } else if (!keys.isEmpty()) {
            showMany(keys);
        } else {
            content.getChildren().add(empty());
        }
        if (getCenter() != scroll) {
            setTop(null);
            setCenter(scroll);
        }
        scroll.layout();
        scroll.setVvalue(v);
    }

    private void showSelectedTab() {
        int i = tabs.getSelectionModel().getSelectedIndex();
        if (shown != null && i >= 0) {
            detailsTabs.get(i).show(shown);
        }
    }

    /** Everything the content depends on. */
    private List<Object> fingerprint() {
        List<Object> parts = new ArrayList<>();
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

    private void buildHeader(ShownAsset asset) {
        AssetSpec spec = asset.spec();
        Label key = new Label(spec.key());
        key.getStyleClass().add("details-title");
        key.setWrapText(true);
        key.setMnemonicParsing(false);
        FlowPane chips = new FlowPane(6, 6, badge(asset.status()), chip(spec.group(), "chip-group"),
                chip(spec.isSource() ? (spec.observable() ? "observable source" : "source") : "asset", "chip-kind"));
        chips.setAlignment(Pos.CENTER_LEFT);
        header.getChildren().setAll(key, chips);
        if (!spec.isSource()) {
            Button materialize = new Button("Materialize", Icons.of("fth-play"));
            materialize.setId("detailsMaterialize");
            materialize.getStyleClass().addAll("accent", Styles.SMALL);
            materialize.setOnAction(e -> actions.materialize(Set.of(spec.key()), false));
            Button withUpstream = new Button("With upstream", Icons.of("fth-chevrons-up"));
            withUpstream.getStyleClass().add(Styles.SMALL);
            withUpstream.setTooltip(new Tooltip("Materialize it and everything upstream of it"));
            withUpstream.setOnAction(e -> actions.materialize(Set.of(spec.key()), true));
            boolean runnable = workspace.canRun();
            materialize.setDisable(!runnable);
            withUpstream.setDisable(!runnable);
            header.getChildren().add(new HBox(6, materialize, withUpstream));
        }
    }

    private Node empty() {
        Label title = new Label("No asset selected");
        title.getStyleClass().add("details-empty-title");
        Label hint = muted("Click an asset in the graph to see its status, lineage and last "
                + "materialization. Arrow keys move between assets; Ctrl+F searches.");
        VBox box = new VBox(8, Icons.large("fth-mouse-pointer"), title, hint);
        box.setAlignment(Pos.TOP_LEFT);
        box.setPadding(new Insets(24, 0, 0, 0));
        return box;
    }

    /** With nothing selected: the jar at a glance, and its jobs, each one click from running. */
    private Node jarOverview(AssetGraph g) {
        DefinitionsSnapshot snapshot = graph.shown();
        String jar = workspace.jarProperty().get() == null ? "Assets" : workspace.jarProperty().get().getFileName().toString();
        Label title = new Label(jar);
        title.getStyleClass().add("details-title");
        long groups = g.assets().values().stream().map(AssetSpec::group).distinct().count();
        Label summary = muted(g.assets().size() + " assets in " + groups + (groups == 1 ? " group" : " groups")
                + " · " + g.edgeCount() + " dependencies");
        FlowPane badges = new FlowPane(6, 6);
        Map<NodeBadge, Long> counts = graph.statusesProperty().get().values().stream()
                .collect(Collectors.groupingBy(NodeStatus::badge, () -> new EnumMap<>(NodeBadge.class), Collectors.counting()));
        counts.forEach((badge, n) -> {
            Label l = badge(new NodeStatus(badge, ""));
            l.setText(n + " " + badge.label().toLowerCase(Locale.ROOT));
            badges.getChildren().add(l);
        });
        VBox box = new VBox(10, title, summary, badges);
        if (snapshot != null && !snapshot.jobs().isEmpty()) {
            VBox jobs = new VBox(10);
            for (JobSpec job : snapshot.jobs()) {
                Button run = new Button(null, Icons.of("fth-play"));
                run.getStyleClass().addAll("button-icon", "flat");
                run.setTooltip(new Tooltip("Materialize " + job.selection()));
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
        box.getChildren().add(section("Tips", muted("Select an asset to see its status, lineage, latest "
                + "materialization and history. Arrow keys move between assets; Ctrl+F searches.")));
        return box;
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
            Hyperlink link = new Hyperlink(k);
            link.getStyleClass().add("details-link");
            link.setMnemonicParsing(false);
            link.setOnAction(e -> actions.reveal(k));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(6, link, spacer, badge(graph.status(k)));
            row.setAlignment(Pos.CENTER_LEFT);
            list.getChildren().add(row);
        }
        content.getChildren().addAll(title, materialize, section("Selected", list));
    }

    // ------------------------------------------------------------------ building blocks, shared by the tabs

    /** A tab's content in a vertical scroll pane, as every text tab shows it. */
    static ScrollPane scrolling(VBox content, String id) {
        content.setId(id);
        content.getStyleClass().add("details-content");
        content.setPadding(new Insets(12, 16, 16, 16));
        ScrollPane view = new ScrollPane(content);
        view.setFitToWidth(true);
        view.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        view.getStyleClass().add("details-scroll");
        return view;
    }

    static Label badge(NodeStatus status) {
        NodeBadge b = status == null ? NodeBadge.UNKNOWN : status.badge();
        Label l = new Label(b.label());
        l.getStyleClass().addAll("badge", "badge-" + b.name().toLowerCase(Locale.ROOT));
        return l;
    }

    static Label chip(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("chip", style);
        l.setMnemonicParsing(false);
        return l;
    }

    static Node section(String title, Node body) {
        Label heading = new Label(title.toUpperCase(Locale.ROOT));
        heading.getStyleClass().add("details-heading");
        VBox box = new VBox(8, heading, body);
        box.getStyleClass().add("details-section");
        return box;
    }

    static Node bullet(String text) {
        Label dot = new Label("•");
        dot.getStyleClass().add("details-muted");
        dot.setMinWidth(Region.USE_PREF_SIZE);
        Label l = text(text);
        HBox row = new HBox(6, dot, l);
        HBox.setHgrow(l, Priority.ALWAYS);
        return row;
    }

    static Label muted(String text) {
        Label l = text(text);
        l.getStyleClass().add("details-muted");
        return l;
    }

    static Label text(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMnemonicParsing(false);
        return l;
    }

    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        return grid;
    }

    static void row(GridPane grid, int row, String name, Node value) {
        Label l = new Label(name);
        l.getStyleClass().add("details-key");
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setMnemonicParsing(false);
        grid.add(l, 0, row);
        grid.add(value, 1, row);
        GridPane.setHgrow(value, Priority.ALWAYS);
        GridPane.setValignment(l, VPos.TOP);
    }
}
