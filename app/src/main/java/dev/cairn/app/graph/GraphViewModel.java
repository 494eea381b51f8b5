package dev.cairn.app.graph;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import dev.cairn.app.engine.DefinitionsUpdate;
import dev.cairn.app.graph.layout.AutoLayout;
import dev.cairn.app.graph.layout.LayoutCache;
import dev.cairn.app.graph.layout.LayoutResult;
import dev.cairn.app.graph.layout.NodeSizes;
import dev.cairn.app.graph.layout.Size;
import dev.cairn.app.graph.model.CollapsedGraph;
import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.GraphEdge;
import dev.cairn.app.graph.model.GraphNode;
import dev.cairn.app.graph.model.NodeStatus;
import dev.cairn.app.session.Notice;
import dev.cairn.app.session.WorkspaceViewModel;
import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.DefinitionsSnapshot;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.selection.AssetSelection;
import dev.cairn.engine.selection.StatusOracle;
import dev.cairn.engine.staleness.AssetState;
import dev.cairn.engine.staleness.AssetStatus;
import dev.cairn.engine.staleness.StalenessReport;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.util.Duration;

/**
 * The asset graph as the canvas shows it: the nodes and edges of the definitions shown, laid out in
 * the background, and each node's status (badge and subtitle), kept up to date from the status
 * report, the steps live runs are computing, and the clock ("3 min ago").
 *
 * <p>Also owns the selection, and answers the questions the selection actions ask (upstream,
 * downstream, stale, a search in the selection language).
 */
public final class GraphViewModel {

    /** The size every node is laid out with. */
    public static final Size NODE_SIZE = new Size(220, 56);

    /**
     * A graph ready to draw.
     *
     * @param folding the graph with its collapsed groups folded, and which asset each node stands for
     * @param layout the positions of the folded graph's nodes
     */
    public record LaidOutGraph(CollapsedGraph folding, LayoutResult layout) {

        /** The nodes and edges drawn. */
        public GraphData data() {
            return folding.graph();
        }

        /** The statuses of the nodes drawn: a collapsed group shows the worst of its members'. */
        public Map<String, NodeStatus> drawnStatuses(Map<String, NodeStatus> assetStatuses) {
            return folding.statuses(assetStatuses);
        }
    }

    /**
     * What a search found.
     *
     * @param keys the matching keys, sorted
     * @param error why the text selects nothing, or null
     */
    public record SearchResult(Set<String> keys, String error) {
        public SearchResult {
            keys = Set.copyOf(keys);
        }
    }

    private final WorkspaceViewModel workspace;
    private final Clock clock;
    private final LayoutCache layouts;
    private final ExecutorService layoutExecutor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cairn-layout");
        t.setDaemon(true);
        return t;
    });

    private final ReadOnlyObjectWrapper<LaidOutGraph> graph = new ReadOnlyObjectWrapper<>(this, "graph");
    private final ReadOnlyObjectWrapper<Map<String, NodeStatus>> statuses =
            new ReadOnlyObjectWrapper<>(this, "statuses", Map.of());
    private final ObservableSet<String> selection = FXCollections.observableSet(new LinkedHashSet<>());
    /** Per live run, the steps it is computing and since when. */
    private final Map<String, Map<String, Instant>> running = new HashMap<>();
    private final Timeline ticker;
    private final GroupFolds folds = new GroupFolds();
    private final CollapsedGroupsStore collapsedGroups;
    /** The whole graph of the definitions shown, before folding. */
    private GraphData shownData;
    private long layoutGeneration;
    private long lastMinute;

    /**
     * @param layoutCacheFolder where laid-out graphs are kept between starts, or null for memory only
     * @param collapsedGroupsFile where each jar's collapsed groups are remembered, or null to forget them
     */
    public GraphViewModel(WorkspaceViewModel workspace, Clock clock, Path layoutCacheFolder, Path collapsedGroupsFile) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.layouts = new LayoutCache(8, layoutCacheFolder);
        this.collapsedGroups = new CollapsedGroupsStore(collapsedGroupsFile);
        workspace.definitionsProperty().addListener((o, old, now) -> definitionsChanged(now));
        workspace.statusProperty().addListener((o, old, now) -> refreshStatuses());
        workspace.jarProperty().addListener((o, old, now) -> {
            running.clear();
            selection.clear();
            folds.clear();
            if (now != null) {
                restoreCollapsedGroups(now);
            }
        });
        workspace.addRunEventListener(this::runEvents);
        // "3 min ago" ages, and running steps count seconds.
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    // ------------------------------------------------------------------ state

    /** The graph to draw, or null while there is none. */
    public ReadOnlyObjectProperty<LaidOutGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    /** The status of every node, replaced as a whole whenever one changes. */
    public ReadOnlyObjectProperty<Map<String, NodeStatus>> statusesProperty() {
        return statuses.getReadOnlyProperty();
    }

    /** The status of one node, or null. */
    public NodeStatus status(String key) {
        return statuses.get().get(key);
    }

    /** The selected keys; the canvas follows it and reports clicks into it. */
    public ObservableSet<String> selection() {
        return selection;
    }

    /** The definitions drawn, or null. */
    public DefinitionsSnapshot shown() {
        DefinitionsUpdate d = workspace.definitionsProperty().get();
        return d == null ? null : d.shown();
    }

    /** The graph of the definitions drawn, or null. */
    public AssetGraph assetGraph() {
        DefinitionsUpdate d = workspace.definitionsProperty().get();
        return d == null ? null : d.graph();
    }

    /** The asset with this key in the definitions drawn. */
    public java.util.Optional<AssetSpec> spec(String key) {
        AssetGraph g = assetGraph();
        return g == null ? java.util.Optional.empty() : g.asset(key);
    }

    /** When a live run started computing the asset, or null if none is. */
    public Instant runningSince(String key) {
        Instant since = null;
        for (Map<String, Instant> steps : running.values()) {
            Instant t = steps.get(key);
            if (t != null && (since == null || t.isBefore(since))) {
                since = t;
            }
        }
        return since;
    }

    /** The tooltip of a node. */
    public String tooltip(String key) {
        LaidOutGraph drawn = graph.get();
        if (drawn != null && drawn.folding().members().containsKey(key)) {
            NodeStatus status = drawn.drawnStatuses(statuses.get()).getOrDefault(key, NodeStatus.UNKNOWN);
            return String.join(", ", drawn.folding().members().get(key)) + "\n" + status.subtitle()
                    + "\nDouble-click the group's title to expand it.";
        }
        return spec(key).map(spec -> NodeStatuses.tooltip(spec, workspace.statusProperty().get(), runningSince(key),
                clock.instant(), clock.getZone())).orElse(key);
    }

    // ------------------------------------------------------------------ queries for the selection actions

    /** The asset keys drawn nodes stand for: a collapsed group's node stands for all its members. */
    public Set<String> assetKeys(Set<String> drawnKeys) {
        LaidOutGraph drawn = graph.get();
        Set<String> keys = new LinkedHashSet<>();
        for (String k : drawnKeys) {
            List<String> members = drawn == null ? null : drawn.folding().members().get(k);
            if (members == null) {
                keys.add(k);
            } else {
                keys.addAll(members);
            }
        }
        return keys;
    }

    /**
     * Collapses a group of the graph into one node, or expands it back (laid out again, or taken
     * from the layout cache when this folding was drawn before).
     *
     * @return false, changing nothing, when the graph shown has no such group
     */
    public boolean toggleGroup(String group) {
        if (shownData == null || !folds.toggle(group, shownData)) {
            return false;
        }
        layOut();
        saveCollapsedGroups();
        return true;
    }

    /**
     * Expands the collapsed groups that hide any of these assets, so that they can be shown.
     *
     * @return whether a group was expanded (a new layout of the graph follows)
     */
    public boolean expandGroupsHiding(java.util.Collection<String> keys) {
        LaidOutGraph drawn = graph.get();
        if (drawn == null || shownData == null) {
            return false;
        }
        Map<String, String> groupOf = new HashMap<>();
        for (GraphNode node : shownData.nodes()) {
            if (node.hasGroup()) {
                groupOf.put(node.id(), node.group());
            }
        }
        Set<String> hiding = new LinkedHashSet<>();
        for (String key : keys) {
            String shownAs = drawn.folding().representative().getOrDefault(key, key);
            if (!shownAs.equals(key) && groupOf.containsKey(key)) {
                hiding.add(groupOf.get(key));
            }
        }
        if (!folds.expand(hiding)) {
            return false;
        }
        layOut();
        saveCollapsedGroups();
        return true;
    }

    /** Reads the groups collapsed when this jar was last shown, and folds them once read. */
    private void restoreCollapsedGroups(Path jar) {
        CompletableFuture.supplyAsync(() -> collapsedGroups.load(jar), layoutExecutor).thenAccept(groups ->
                Platform.runLater(() -> {
                    if (!jar.equals(workspace.jarProperty().get()) || groups.isEmpty()) {
                        return;
                    }
                    folds.restore(groups);
                    if (shownData != null) {
                        layOut();
                    }
                }));
    }

    private void saveCollapsedGroups() {
        Path jar = workspace.jarProperty().get();
        Set<String> groups = folds.collapsed();
        if (jar == null) {
            return;
        }
        layoutExecutor.execute(() -> {
            try {
                collapsedGroups.save(jar, groups);
            } catch (java.io.IOException e) {
                // The groups open expanded next time; nothing else is lost.
            }
        });
    }

    /** The selected keys and everything upstream of them. */
    public Set<String> withUpstream(Set<String> keys) {
        return closure(keys, true);
    }

    /** The selected keys and everything downstream of them. */
    public Set<String> withDownstream(Set<String> keys) {
        return closure(keys, false);
    }

    private Set<String> closure(Set<String> keys, boolean up) {
        AssetGraph g = assetGraph();
        Set<String> result = new LinkedHashSet<>();
        if (g == null) {
            return result;
        }
        for (String k : keys) {
            if (g.contains(k)) {
                result.add(k);
                result.addAll(up ? g.ancestors(k) : g.descendants(k));
            }
        }
        return result;
    }

    /** The keys whose status is stale. */
    public Set<String> keysWithStatus(AssetStatus status) {
        StalenessReport report = workspace.statusProperty().get();
        if (report == null) {
            return Set.of();
        }
        return report.states().values().stream().filter(s -> s.status() == status)
                .map(AssetState::assetKey).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * Finds assets: the text in the selection language ({@code *report}, {@code group:ingest},
     * {@code status:stale}); a plain word that is not a key matches every key containing it.
     */
    public SearchResult search(String text) {
        AssetGraph g = assetGraph();
        String query = text == null ? "" : text.strip();
        if (g == null || query.isEmpty()) {
            return new SearchResult(Set.of(), null);
        }
        StatusOracle oracle = this::keysWithStatus;
        try {
            return new SearchResult(AssetSelection.parse(query).resolve(g, oracle), null);
        } catch (IllegalArgumentException e) {
            if (query.matches("[A-Za-z0-9_./-]+")) {
                String lower = query.toLowerCase(java.util.Locale.ROOT);
                Set<String> partial = g.assets().keySet().stream()
                        .filter(k -> k.toLowerCase(java.util.Locale.ROOT).contains(lower))
                        .collect(Collectors.toCollection(java.util.TreeSet::new));
                if (!partial.isEmpty()) {
                    return new SearchResult(partial, null);
                }
                return new SearchResult(Set.of(), "No asset matches '" + query + "'");
            }
            return new SearchResult(Set.of(), e.getMessage());
        }
    }

    // ------------------------------------------------------------------ updates

    private void definitionsChanged(DefinitionsUpdate update) {
        if (update == null || update.shown() == null) {
            shownData = null;
            layoutGeneration++;
            graph.set(null);
            statuses.set(Map.of());
            return;
        }
        GraphData data = toGraphData(update.shown());
        if (!data.equals(shownData)) {
            shownData = data;
            layOut();
        }
        refreshStatuses();
    }

    /** Lays out the shown graph, folded, in the background; only the latest request is drawn. */
    private void layOut() {
        CollapsedGraph folded = folds.fold(shownData);
        GraphData data = folded.graph();
        long gen = ++layoutGeneration;
        CompletableFuture.supplyAsync(() -> layouts.layout(new AutoLayout(), data,
                NodeSizes.uniform(data, NODE_SIZE)), layoutExecutor).whenComplete((layout, failure) ->
                Platform.runLater(() -> {
                    if (gen != layoutGeneration) {
                        return;
                    }
                    if (failure != null) {
                        workspace.notices().add(new Notice(Notice.Kind.ERROR, "Cannot lay out the graph",
                                String.valueOf(failure.getMessage()), true));
                        return;
                    }
                    keepSelectionVisible(folded);
                    graph.set(new LaidOutGraph(folded, layout));
                    // After the pulse that draws it: opening the log competes for the CPU.
                    Platform.runLater(workspace::definitionsShown);
                    refreshStatuses();
                }));
    }

    /** Selected assets folded into a group select the group's node; keys no longer drawn are dropped. */
    private void keepSelectionVisible(CollapsedGraph folded) {
        Set<String> drawn = folded.graph().nodes().stream().map(GraphNode::id).collect(Collectors.toSet());
        Set<String> kept = new LinkedHashSet<>();
        for (String k : selection) {
            String shown = folded.representative().getOrDefault(k, k);
            if (drawn.contains(shown)) {
                kept.add(shown);
            }
        }
        if (!kept.equals(selection)) {
            selection.clear();
            selection.addAll(kept);
        }
    }

    /** Nodes in key order with their groups (left out when everything is in one group), edges from each upstream. */
    static GraphData toGraphData(DefinitionsSnapshot snapshot) {
        boolean oneGroup = snapshot.assets().stream().map(AssetSpec::group).distinct().count() <= 1;
        Set<String> keys = snapshot.assets().stream().map(AssetSpec::key).collect(Collectors.toSet());
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        for (AssetSpec spec : snapshot.assets()) {
            nodes.add(new GraphNode(spec.key(), spec.key(), oneGroup ? null : spec.group()));
            for (String up : spec.upstreams()) {
                if (keys.contains(up)) {
                    edges.add(new GraphEdge(up, spec.key()));
                }
            }
        }
        return new GraphData(nodes, edges);
    }

    private void runEvents(String runId, List<Event> events) {
        boolean changed = false;
        for (Event e : events) {
            switch (e.type()) {
                case STEP_STARTED -> {
                    if (e.assetKey() != null) {
                        running.computeIfAbsent(runId, k -> new HashMap<>()).put(e.assetKey(), e.timestamp());
                        changed = true;
                    }
                }
                case STEP_SUCCESS, STEP_FAILURE, STEP_SKIPPED -> {
                    Map<String, Instant> steps = running.get(runId);
                    if (steps != null && e.assetKey() != null) {
                        changed |= steps.remove(e.assetKey()) != null;
                    }
                }
                case RUN_SUCCESS, RUN_FAILURE, RUN_CANCELED -> changed |= running.remove(runId) != null;
                default -> { }
            }
        }
        if (changed) {
            refreshStatuses();
        }
    }

    private void tick() {
        long minute = clock.millis() / 60_000;
        boolean anyRunning = running.values().stream().anyMatch(m -> !m.isEmpty());
        if (anyRunning || minute != lastMinute) {
            lastMinute = minute;
            refreshStatuses();
        }
    }

    private void refreshStatuses() {
        DefinitionsSnapshot shown = shown();
        if (shown == null) {
            return;
        }
        Map<String, Instant> since = new HashMap<>();
        for (AssetSpec spec : shown.assets()) {
            Instant t = runningSince(spec.key());
            if (t != null) {
                since.put(spec.key(), t);
            }
        }
        Map<String, NodeStatus> fresh = NodeStatuses.of(shown, workspace.statusProperty().get(), since,
                clock.instant(), clock.getZone());
        if (!fresh.equals(statuses.get())) {
            statuses.set(Map.copyOf(fresh));
        }
    }

    /** Stops the clock and the layout thread. */
    public void dispose() {
        ticker.stop();
        layoutExecutor.shutdownNow();
    }
}
