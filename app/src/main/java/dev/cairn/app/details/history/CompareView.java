package dev.cairn.app.details.history;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.cairn.api.MetadataValue;
import dev.cairn.app.details.AssetRecords;
import dev.cairn.app.details.metadata.MetadataContext;
import dev.cairn.app.details.metadata.MetadataViews;
import dev.cairn.app.format.Formats;
import dev.cairn.engine.storage.MaterializationRecord;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Two materializations of an asset side by side, older on the left: their run, time, duration,
 * versions and every metadata entry, each drawn by its type; rows whose values differ are
 * highlighted and counted in the heading.
 */
public final class CompareView {

    private final AssetRecords records;
    private final MetadataContext context;
    private final Supplier<Path> imageFallback;
    private final Label heading = new Label();
    private final GridPane grid = new GridPane();
    private final ScrollPane scroll = new ScrollPane(grid);
    private final VBox view = new VBox(6, heading, scroll);
    private long generation;
    private List<String> differing = List.of();

    /**
     * @param imageFallback the folder relative image paths are read from when a materialization has no
     *        {@code path} entry (the workspace folder)
     */
    public CompareView(AssetRecords records, MetadataContext context, Supplier<Path> imageFallback) {
        this.records = Objects.requireNonNull(records);
        this.context = Objects.requireNonNull(context);
        this.imageFallback = Objects.requireNonNull(imageFallback);
        view.setId("compareView");
        view.getStyleClass().add("compare-view");
        view.setPadding(new Insets(8, 0, 0, 0));
        heading.getStyleClass().add("details-strong");
        heading.setWrapText(true);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        grid.getStyleClass().add("compare-grid");
        ColumnConstraints name = new ColumnConstraints();
        name.setPercentWidth(22);
        // The two sides always get the same width, whatever they hold.
        ColumnConstraints left = new ColumnConstraints();
        left.setPercentWidth(39);
        ColumnConstraints right = new ColumnConstraints();
        right.setPercentWidth(39);
        grid.getColumnConstraints().addAll(name, left, right);
    }

    /** The view. */
    public Node view() {
        return view;
    }

    /** The keys of the rows that differ in what is shown now, for tests and the heading. */
    public List<String> differing() {
        return differing;
    }

    /** Reads the two materializations in full and shows them. */
    public void compare(String assetKey, HistoryRow older, HistoryRow newer) {
        long gen = ++generation;
        grid.getChildren().clear();
        differing = List.of();
        heading.setText("Reading the two materializations…");
        CompletableFuture<Optional<MaterializationRecord>> a = one(assetKey, older.eventId());
        CompletableFuture<Optional<MaterializationRecord>> b = one(assetKey, newer.eventId());
        Path fallback = imageFallback.get();
        a.thenCombineAsync(b, (x, y) -> x.isEmpty() || y.isEmpty() ? null : new Pair(
                        x.get(), MetadataViews.prepare(x.get().data().metadata(), MetadataContext.imageBase(x.get().data().metadata(), fallback)),
                        y.get(), MetadataViews.prepare(y.get().data().metadata(), MetadataContext.imageBase(y.get().data().metadata(), fallback))))
                .whenComplete((pair, failure) -> Platform.runLater(() -> {
                    if (gen != generation) {
                        return;
                    }
                    if (failure != null || pair == null) {
                        heading.setText("Cannot read the materializations"
                                + (failure == null ? ": they are no longer in the event log." : ": " + failure.getMessage()));
                        return;
                    }
                    show(pair);
                }));
    }

    /** A materialization by event id: the one history entry just below {@code eventId + 1}. */
    private CompletableFuture<Optional<MaterializationRecord>> one(String key, long eventId) {
        return records.history(key, eventId + 1, 1)
                .thenApply(page -> page.stream().filter(r -> r.eventId() == eventId).findFirst());
    }

    private record Pair(MaterializationRecord older, MetadataViews.Prepared olderMetadata,
                        MaterializationRecord newer, MetadataViews.Prepared newerMetadata) { }

    private void show(Pair p) {
        ZoneId zone = context.zone();
        List<String> diff = new ArrayList<>();
        int row = 0;
        grid.add(header(""), 0, row);
        grid.add(header("Older · run " + Formats.shortRunId(p.older().runId())), 1, row);
        grid.add(header("Newer · run " + Formats.shortRunId(p.newer().runId())), 2, row++);
        row = simple(row, "Time", p, r -> MetadataViews.timestamp(r.timestamp(), zone), diff, false);
        row = simple(row, "Duration", p, r -> Formats.duration(Duration.ofMillis(r.data().durationMillis())), diff, false);
        row = simple(row, "Data version", p, r -> orNone(r.data().dataVersion()), diff, true);
        row = simple(row, "Code version", p, r -> orNone(r.data().codeVersion()), diff, true);
        Set<String> keys = new LinkedHashSet<>(p.newerMetadata().orderedKeys());
        keys.addAll(p.olderMetadata().orderedKeys());
        for (String key : keys) {
            MetadataValue x = p.older().data().metadata().get(key);
            MetadataValue y = p.newer().data().metadata().get(key);
            boolean differs = !Objects.equals(x, y);
            if (differs) {
                diff.add(key);
            }
            Label name = name(key);
            grid.add(name, 0, row);
            grid.add(cell(x == null ? absent() : MetadataViews.render(p.olderMetadata(), key, context), differs), 1, row);
            grid.add(cell(y == null ? absent() : MetadataViews.render(p.newerMetadata(), key, context), differs), 2, row);
            mark(name, differs);
            row++;
        }
        differing = List.copyOf(diff);
        heading.setText(diff.isEmpty() ? "The two materializations have the same metadata and versions."
                : diff.size() == 1 ? "1 difference, highlighted" : diff.size() + " differences, highlighted");
    }

    /** A row of text values; versions and times are compared as text. */
    private int simple(int row, String title, Pair p, Function<MaterializationRecord, String> text, List<String> diff,
                       boolean counts) {
        String x = text.apply(p.older());
        String y = text.apply(p.newer());
        boolean differs = counts && !x.equals(y);
        if (differs) {
            diff.add(title);
        }
        Label name = name(title);
        mark(name, differs);
        grid.add(name, 0, row);
        grid.add(cell(wrapped(x), differs), 1, row);
        grid.add(cell(wrapped(y), differs), 2, row);
        return row + 1;
    }

    private static String orNone(String s) {
        return s == null ? "none" : s;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("details-heading");
        l.setWrapText(true);
        return l;
    }

    private static Label name(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("details-key");
        l.setWrapText(true);
        GridPane.setValignment(l, VPos.TOP);
        return l;
    }

    private static void mark(Node n, boolean differs) {
        if (differs) {
            n.getStyleClass().add("compare-differs");
        }
    }

    private static Node cell(Node content, boolean differs) {
        StackPane cell = new StackPane(content);
        cell.getStyleClass().add("compare-cell");
        StackPane.setAlignment(content, javafx.geometry.Pos.TOP_LEFT);
        cell.setMinWidth(0);
        mark(cell, differs);
        GridPane.setValignment(cell, VPos.TOP);
        GridPane.setFillWidth(cell, true);
        return cell;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static Label absent() {
        Label l = new Label("—");
        l.getStyleClass().add("details-muted");
        return l;
    }
}
