package dev.cairn.app.details;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.cairn.app.format.Formats;
import dev.cairn.app.graph.GraphViewModel;
import dev.cairn.app.graph.NodeStatuses;
import dev.cairn.app.session.WorkspaceViewModel;
import dev.cairn.app.shell.Icons;
import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.staleness.AssetState;
import dev.cairn.engine.staleness.AssetStatus;
import dev.cairn.engine.staleness.RootCause;
import dev.cairn.engine.staleness.StaleCause;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * What the asset is and whether it is up to date: its status with every cause in words (its own,
 * and the changes upstream that will reach it) and a button that materializes what it needs; its
 * description, upstream and downstream assets, and its definition (group, owners, tags, code
 * version, IO manager, the class and method that define it).
 */
final class OverviewTab implements DetailsTab {

    private final GraphViewModel graph;
    private final WorkspaceViewModel workspace;
    private final java.time.Clock clock;
    private final DetailsPanel.Actions actions;
    private final VBox content = new VBox(14);
    private final ScrollPane view = DetailsPanel.scrolling(content, "overviewContent");
    private String shownKey;

    OverviewTab(GraphViewModel graph, WorkspaceViewModel workspace, java.time.Clock clock, DetailsPanel.Actions actions) {
        this.graph = Objects.requireNonNull(graph);
        this.workspace = Objects.requireNonNull(workspace);
        this.clock = Objects.requireNonNull(clock);
        this.actions = Objects.requireNonNull(actions);
    }

    @Override
    public String title() {
        return "Overview";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void show(ShownAsset asset) {
        boolean same = asset.key().equals(shownKey);
        shownKey = asset.key();
        double scroll = view.getVvalue();
        content.getChildren().clear();
        AssetSpec spec = asset.spec();
        if (!spec.description().isBlank()) {
            Label description = new Label(spec.description());
            description.setWrapText(true);
            description.getStyleClass().add("details-description");
            content.getChildren().add(description);
        }
        content.getChildren().add(DetailsPanel.section("Status", status(asset)));
        content.getChildren().add(DetailsPanel.section("Lineage", lineage(asset.graph(), spec)));
        content.getChildren().add(DetailsPanel.section("Definition", definition(spec)));
        view.layout();
        view.setVvalue(same ? scroll : 0);
    }

    private Node status(ShownAsset asset) {
        AssetSpec spec = asset.spec();
        AssetState state = asset.state();
        Instant now = clock.instant();
        VBox box = new VBox(6);
        box.setId("detailsStatus");
        Label headline = new Label(NodeStatuses.headline(spec, state, graph.runningSince(spec.key()), now, clock.getZone()));
        headline.setWrapText(true);
        headline.getStyleClass().add("details-strong");
        box.getChildren().add(headline);
        if (state == null) {
            box.getChildren().add(DetailsPanel.muted("Reading the event log…"));
            return box;
        }
        if (state.status() == AssetStatus.STALE) {
            Label why = new Label("Why it is stale");
            why.getStyleClass().add("details-subheading");
            box.getChildren().add(why);
            for (StaleCause cause : state.causes()) {
                box.getChildren().add(DetailsPanel.bullet(sentence(cause.message())));
            }
        }
        if (state.latestAttemptFailed()) {
            box.getChildren().add(failure(spec.key()));
        }
        List<RootCause> roots = asset.report() == null ? List.of() : asset.report().explain(spec.key()).rootCauses();
        if (!roots.isEmpty()) {
            Label on = new Label("Upstream changes on the way");
            on.getStyleClass().add("details-subheading");
            box.getChildren().add(on);
            roots.forEach(r -> box.getChildren().add(DetailsPanel.bullet(sentence(r.sentence()))));
        }
        if (!spec.isSource() && (state.status() != AssetStatus.FRESH || !roots.isEmpty() || state.latestAttemptFailed())) {
            box.getChildren().add(materializeNeeded(asset));
        }
        return box;
    }

    /** "Materialize with what it needs": the asset, its stale or missing upstreams, and the assets between. */
    private Node materializeNeeded(ShownAsset asset) {
        Set<String> needed = NeededAssets.of(asset.graph(), asset.report(), asset.key());
        Button button = new Button(needed.size() <= 1 ? "Materialize it" : "Materialize with what it needs (" + needed.size() + ")",
                Icons.of("fth-refresh-ccw"));
        button.setId("materializeNeeded");
        button.getStyleClass().add("accent");
        button.setWrapText(true);
        button.setTooltip(new Tooltip("Materializes " + String.join(", ", needed)));
        button.setDisable(!workspace.canRun());
        button.setOnAction(e -> actions.materialize(needed, false));
        VBox box = new VBox(4, button);
        box.setPadding(new Insets(6, 0, 0, 0));
        if (needed.size() > 1) {
            Label what = DetailsPanel.muted(String.join(", ", needed));
            what.getStyleClass().add("details-code");
            box.getChildren().add(what);
        }
        return box;
    }

    /** A cause as a sentence: a capital first letter and a full stop. */
    static String sentence(String message) {
        if (message.isEmpty()) {
            return message;
        }
        String s = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }

    /** The error of the asset's latest failed attempt, read from the log, with a link to its run. */
    private Node failure(String key) {
        VBox box = new VBox(4);
        box.getStyleClass().add("details-failure");
        box.getChildren().add(DetailsPanel.muted("Its latest attempt failed."));
        workspace.latestFailure(key).thenAccept(found -> Platform.runLater(() -> found.ifPresent(e -> {
            box.getChildren().clear();
            Label error = new Label(e.data() instanceof EventData.StepFailed f && f.error() != null
                    ? f.error().summary() : e.message());
            error.setWrapText(true);
            error.getStyleClass().add("details-error");
            Hyperlink run = new Hyperlink("Run " + Formats.shortRunId(e.runId()) + " · "
                    + Formats.time(e.timestamp(), clock.instant(), clock.getZone()));
            run.getStyleClass().add("details-link");
            run.setOnAction(a -> actions.showRun(e.runId()));
            box.getChildren().addAll(DetailsPanel.muted("Its latest attempt failed:"), error, run);
        })));
        return box;
    }

    private Node lineage(AssetGraph g, AssetSpec spec) {
        GridPane grid = DetailsPanel.grid();
        DetailsPanel.row(grid, 0, "Upstream", links(g.parents(spec.key()), "upstreamLinks"));
        DetailsPanel.row(grid, 1, "Downstream", links(g.children(spec.key()), "downstreamLinks"));
        return grid;
    }

    private Node links(Set<String> keys, String id) {
        if (keys.isEmpty()) {
            return DetailsPanel.muted("none");
        }
        FlowPane flow = new FlowPane(2, 2);
        flow.setId(id);
        keys.stream().sorted().forEach(k -> {
            Hyperlink link = new Hyperlink(k);
            link.getStyleClass().add("details-link");
            link.setMnemonicParsing(false);
            link.setOnAction(e -> actions.reveal(k));
            flow.getChildren().add(link);
        });
        return flow;
    }

    private Node definition(AssetSpec spec) {
        GridPane grid = DetailsPanel.grid();
        int r = 0;
        DetailsPanel.row(grid, r++, "Key", DetailsPanel.text(spec.key()));
        DetailsPanel.row(grid, r++, "Group", DetailsPanel.text(spec.group()));
        DetailsPanel.row(grid, r++, "Kind", DetailsPanel.text(spec.isSource()
                ? (spec.observable() ? "observable source asset" : "source asset") : "asset"));
        DetailsPanel.row(grid, r++, "Owners", spec.owners().isEmpty() ? DetailsPanel.muted("none")
                : DetailsPanel.text(String.join(", ", spec.owners())));
        DetailsPanel.row(grid, r++, "Tags", spec.tags().isEmpty() ? DetailsPanel.muted("none") : tags(spec.tags()));
        DetailsPanel.row(grid, r++, "Code version", spec.codeVersion() == null
                ? DetailsPanel.muted("none (every run is a new version)") : DetailsPanel.text(spec.codeVersion()));
        DetailsPanel.row(grid, r++, "IO manager", DetailsPanel.text(spec.ioManagerKey()));
        if (!spec.location().isEmpty()) {
            Label where = DetailsPanel.text(simpleLocation(spec));
            where.getStyleClass().add("details-code");
            where.setTooltip(new Tooltip(spec.className() + "." + spec.methodName()));
            DetailsPanel.row(grid, r++, "Defined in", where);
        }
        if (spec.valueType() != null && !spec.valueType().isBlank()) {
            DetailsPanel.row(grid, r++, "Type", DetailsPanel.text(simpleType(spec.valueType())));
        }
        if (spec.retry() != null && spec.retry().maxRetries() > 0) {
            DetailsPanel.row(grid, r, "Retries", DetailsPanel.text(spec.retry().maxRetries() + ", "
                    + spec.retry().delayMillis() + " ms apart"));
        }
        return grid;
    }

    private static Node tags(Map<String, String> tags) {
        FlowPane flow = new FlowPane(4, 4);
        tags.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(t -> t.getValue().isEmpty() ? t.getKey() : t.getKey() + "=" + t.getValue())
                .forEach(t -> flow.getChildren().add(DetailsPanel.chip(t, "chip-tag")));
        return flow;
    }

    /** "HackerNewsAssets.topstories()" for the class and method that define an asset. */
    static String simpleLocation(AssetSpec spec) {
        String cls = spec.className();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + spec.methodName() + "()";
    }

    /** java.util.List&lt;dev.x.Story&gt; as List&lt;Story&gt;. */
    static String simpleType(String type) {
        return type.replaceAll("\\b[a-z][a-z0-9_]*\\.", "").replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
    }
}
