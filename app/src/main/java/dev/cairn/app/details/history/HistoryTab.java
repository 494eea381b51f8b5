package dev.cairn.app.details.history;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import dev.cairn.app.details.AssetRecords;
import dev.cairn.app.details.DetailsTab;
import dev.cairn.app.details.ShownAsset;
import dev.cairn.app.details.metadata.MetadataViews;
import dev.cairn.app.format.Formats;
import dev.cairn.engine.storage.MaterializationRecord;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Every materialization of the asset, newest first, in a table: time, run, duration, data and code
 * version, and one column per numeric metadata entry. The table is fed page by page (keyset paging
 * by event id): a page is read when the rows near the end of what is loaded come into view, so an
 * asset with 100,000 materializations opens as fast as one with 100. Two selected rows are
 * compared side by side in a window of their own.
 */
public final class HistoryTab implements DetailsTab {

    /** Rows of the first read: a tall window's worth, so that opening reads and draws little. */
    public static final int FIRST_PAGE = 60;
    /** Rows of each later read: enough to scroll a while before the next. */
    public static final int PAGE = 300;
    /** How close to the end of the loaded rows a visible row must be to read the next page. */
    private static final int PREFETCH = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final AssetRecords records;
    private final ZoneId zone;
    private final Consumer<String> showRun;
    private final ObservableList<HistoryRow> rows = FXCollections.observableArrayList();
    private final TableView<HistoryRow> table = new TableView<>(rows);
    private final Set<String> numericColumns = new TreeSet<>();
    private final TableColumn<HistoryRow, String> partitionColumn;
    private final Label summary = new Label();
    private final Label hint = new Label("Ctrl+click two rows to compare them.");
    private final Button compareButton = new Button("Compare");
    private final CompareView compare;
    private final CompareWindow compareWindow;
    private final VBox view;

    private ShownAsset.Latest shown;
    /** Bumped when another asset is shown, so that pages read for the one before are dropped. */
    private long generation;
    private boolean loading;
    private boolean exhausted;
    /** Set by a reload: the next page decides whether the columns change. */
    private boolean dropColumns;

    public HistoryTab(AssetRecords records, ZoneId zone, Consumer<String> showRun, CompareView compare) {
        this.records = Objects.requireNonNull(records);
        this.zone = Objects.requireNonNull(zone);
        this.showRun = Objects.requireNonNull(showRun);
        this.compare = Objects.requireNonNull(compare);
        this.compareWindow = new CompareWindow(compare.view());

        table.setId("historyTable");
        table.getStyleClass().addAll("history-table", "dense");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setFixedCellSize(26);
        table.setPlaceholder(new Label("No materializations yet"));
        table.getColumns().add(textColumn("Time", 150, r -> TIME.format(r.timestamp().atZone(zone))));
        table.getColumns().add(runColumn());
        table.getColumns().add(textColumn("Duration", 80, r -> Formats.duration(java.time.Duration.ofMillis(r.durationMillis()))));
        table.getColumns().add(versionColumn("Data version", HistoryRow::dataVersion));
        table.getColumns().add(versionColumn("Code version", HistoryRow::codeVersion));
        partitionColumn = textColumn("Partition", 100, r -> r.partitionKey() == null ? "" : r.partitionKey());
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(HistoryRow item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && getIndex() >= rows.size() - PREFETCH) {
                    loadMore();
                }
            }
        });
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<HistoryRow>) c -> selectionChanged());

        summary.setId("historySummary");
        summary.getStyleClass().add("details-muted");
        hint.getStyleClass().add("details-muted");
        hint.setWrapText(true);
        compareButton.setId("compareButton");
        compareButton.getStyleClass().add(Styles.SMALL);
        compareButton.setTooltip(new Tooltip("Compare the metadata of the two selected materializations side by side"));
        compareButton.setDisable(true);
        compareButton.setMinWidth(Region.USE_PREF_SIZE);
        compareButton.setOnAction(e -> compareSelected());
        HBox.setHgrow(hint, Priority.ALWAYS);
        HBox compareRow = new HBox(8, hint, compareButton);
        compareRow.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        view = new VBox(6, summary, compareRow, table);
        view.setPadding(new Insets(10, 12, 10, 12));
        view.getStyleClass().add("history-tab");
    }

    @Override
    public String title() {
        return "History";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void show(ShownAsset asset) {
        ShownAsset.Latest latest = asset.latest();
        if (latest.equals(shown)) {
            return;
        }
        boolean sameAsset = shown != null && shown.key().equals(latest.key());
        shown = latest;
        if (sameAsset && !rows.isEmpty()) {
            loadNewer(latest.key());
        } else {
            reload(latest.key());
        }
    }

    /** The comparison of the selected rows, for tests. */
    public CompareView compareView() {
        return compare;
    }

    /** The table, for tests. */
    public TableView<HistoryRow> table() {
        return table;
    }

    private void reload(String key) {
        long gen = ++generation;
        rows.clear();
        table.getSelectionModel().clearSelection();
        // The columns stay until the first page says which it needs: assets of one kind share them,
        // and changing columns rebuilds every cell of the table.
        dropColumns = true;
        exhausted = false;
        loading = true;
        summary.setText("Reading the history…");
        records.history(key, null, FIRST_PAGE).whenComplete((page, failure) -> Platform.runLater(() -> {
            if (gen == generation) {
                loading = false;
                accept(page, failure, false, FIRST_PAGE);
            }
        }));
    }

    /** A new materialization arrived: reads what is newer than the newest row shown. */
    private void loadNewer(String key) {
        long gen = generation;
        long newest = rows.get(0).eventId();
        records.history(key, null, PAGE).whenComplete((page, failure) -> Platform.runLater(() -> {
            if (gen != generation) {
                return;
            }
            if (failure != null) {
                accept(null, failure, false, 0);
                return;
            }
            List<MaterializationRecord> newer = page.stream().filter(r -> r.eventId() > newest).toList();
            if (newer.size() == page.size() && !page.isEmpty()) {
                // More arrived than one page holds: start again from the newest.
                reload(key);
                return;
            }
            List<HistoryRow> add = newer.stream().map(HistoryRow::of).toList();
            add.forEach(this::addColumns);
            rows.addAll(0, add);
            updateSummary();
        }));
    }

    private void loadMore() {
        if (loading || exhausted || rows.isEmpty() || shown == null) {
            return;
        }
        loading = true;
        long gen = generation;
        records.history(shown.key(), rows.get(rows.size() - 1).eventId(), PAGE)
                .whenComplete((page, failure) -> Platform.runLater(() -> {
                    if (gen == generation) {
                        loading = false;
                        accept(page, failure, true, PAGE);
                    }
                }));
    }

    private void accept(List<MaterializationRecord> page, Throwable failure, boolean append, int asked) {
        if (failure != null) {
            summary.setText("Cannot read the history: " + message(failure));
            exhausted = true;
            return;
        }
        List<HistoryRow> add = page.stream().map(HistoryRow::of).toList();
        if (dropColumns) {
            dropColumns = false;
            Set<String> needed = new TreeSet<>();
            add.forEach(r -> needed.addAll(r.numbers().keySet()));
            boolean partitioned = add.stream().anyMatch(r -> r.partitionKey() != null);
            if (!needed.equals(numericColumns) || partitioned != table.getColumns().contains(partitionColumn)) {
                numericColumns.clear();
                table.getColumns().removeIf(c -> c.getUserData() instanceof NumericColumn || c == partitionColumn);
            }
        }
        add.forEach(this::addColumns);
        exhausted = page.size() < asked;
        if (append) {
            rows.addAll(add);
        } else {
            rows.setAll(add);
        }
        updateSummary();
    }

    private void updateSummary() {
        int n = rows.size();
        String count = String.format(Locale.ROOT, "%,d", n);
        summary.setText(n == 0 ? "Never materialized"
                : exhausted ? (n == 1 ? "1 materialization" : count + " materializations") + ", newest first"
                : count + " newest materializations; more load as you scroll");
    }

    private void addColumns(HistoryRow row) {
        if (row.partitionKey() != null && !table.getColumns().contains(partitionColumn)) {
            table.getColumns().add(2, partitionColumn);
        }
        for (String key : row.numbers().keySet()) {
            if (numericColumns.add(key)) {
                TableColumn<HistoryRow, Double> column = new TableColumn<>(key);
                column.setUserData(new NumericColumn(key));
                column.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().numbers().get(key)));
                column.setCellFactory(c -> new TableCell<>() {
                    @Override
                    protected void updateItem(Double value, boolean empty) {
                        super.updateItem(value, empty);
                        setText(empty || value == null ? null : MetadataViews.decimal(value));
                    }
                });
                column.getStyleClass().add("numeric-column");
                column.setSortable(false);
                column.setPrefWidth(Math.max(90, 8.0 * key.length() + 24));
                // Kept in name order after the fixed columns.
                int index = (int) table.getColumns().stream().filter(c -> !(c.getUserData() instanceof NumericColumn)).count()
                        + (int) numericColumns.stream().filter(k -> k.compareTo(key) < 0).count();
                table.getColumns().add(index, column);
            }
        }
    }

    private void selectionChanged() {
        int n = table.getSelectionModel().getSelectedItems().size();
        compareButton.setDisable(n != 2);
        hint.setText(n == 2 ? "Two materializations selected." : n > 2 ? "Select just two rows to compare them."
                : "Ctrl+click two rows to compare them.");
    }

    /** Compares the two selected rows, older on the left, in the comparison window. */
    public void compareSelected() {
        List<HistoryRow> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (selected.size() != 2 || shown == null) {
            return;
        }
        HistoryRow a = selected.get(0);
        HistoryRow b = selected.get(1);
        boolean aOlder = a.eventId() < b.eventId();
        compare.compare(shown.key(), aOlder ? a : b, aOlder ? b : a);
        compareWindow.show(view.getScene() == null ? null : view.getScene().getWindow(), "Compare materializations of " + shown.key());
    }

    private TableColumn<HistoryRow, String> textColumn(String title, double width, java.util.function.Function<HistoryRow, String> text) {
        TableColumn<HistoryRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(text.apply(r.getValue())));
        column.setSortable(false);
        column.setPrefWidth(width);
        return column;
    }

    private TableColumn<HistoryRow, String> versionColumn(String title, java.util.function.Function<HistoryRow, String> version) {
        TableColumn<HistoryRow, String> column = textColumn(title, 100, r -> version.apply(r) == null ? "" : version.apply(r));
        column.setCellFactory(c -> new TableCell<>() {
            /** One per cell, its text changed as the cell is reused: making tooltips is not cheap. */
            private final Tooltip full = new Tooltip();

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                boolean blank = empty || value == null || value.isEmpty();
                setText(blank ? null : value.length() > 12 ? value.substring(0, 12) + "…" : value);
                full.setText(blank ? "" : value);
                setTooltip(blank || value.length() <= 12 ? null : full);
            }
        });
        return column;
    }

    private TableColumn<HistoryRow, String> runColumn() {
        TableColumn<HistoryRow, String> column = textColumn("Run", 80, HistoryRow::runId);
        column.setCellFactory(c -> new TableCell<>() {
            private final Hyperlink link = new Hyperlink();

            {
                link.getStyleClass().add("details-link");
                link.setOnAction(e -> {
                    if (getItem() != null) {
                        showRun.accept(getItem());
                    }
                });
            }

            @Override
            protected void updateItem(String runId, boolean empty) {
                super.updateItem(runId, empty);
                if (empty || runId == null) {
                    setGraphic(null);
                } else {
                    link.setText(Formats.shortRunId(runId));
                    setGraphic(link);
                }
            }
        });
        return column;
    }

    private static String message(Throwable t) {
        Throwable cause = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Marks the columns of numeric metadata entries. */
    private record NumericColumn(String key) { }
}
