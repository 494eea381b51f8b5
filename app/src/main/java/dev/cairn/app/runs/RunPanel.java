package dev.cairn.app.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import dev.cairn.app.engine.RunProgress;
import dev.cairn.app.format.Formats;
import dev.cairn.app.shell.Icons;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.events.LogLevel;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The bottom panel: the list of runs (newest first) and, for the selected run, its header with a
 * progress bar and the structured log in a table, filtered by level, text and step.
 */
public final class RunPanel extends SplitPane {

    private final RunsViewModel model;
    private final Clock clock;
    private final ListView<RunRecord> runList = new ListView<>();
    private final TableView<Event> table = new TableView<>();
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Button cancel = new Button("Cancel", Icons.of("fth-square"));
    private final VBox titles = new VBox(2, title, subtitle);
    private final StepTimeline timeline;
    private final Label logStatus = new Label();
    private Consumer<String> onCancel = id -> { };
    private boolean selecting;

    public RunPanel(RunsViewModel model, Clock clock) {
        this.model = Objects.requireNonNull(model);
        this.clock = Objects.requireNonNull(clock);
        this.timeline = new StepTimeline(clock);
        setId("runPanel");
        getStyleClass().add("run-panel");
        getItems().addAll(runListPane(), logPane());
        setDividerPositions(0.27);
        SplitPane.setResizableWithParent(getItems().get(0), false);
        model.selectedRunIdProperty().addListener((o, a, b) -> {
            selectInList(b);
            updateHeader();
        });
        model.selectedProgressProperty().addListener((o, a, b) -> updateHeader());
        model.runs().addListener((javafx.collections.ListChangeListener<RunRecord>) c -> {
            selectInList(model.selectedRunIdProperty().get());
            updateHeader();
        });
        updateHeader();
        // Durations of running runs count up.
        javafx.animation.Timeline ticker = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(1), e -> {
                    if (model.runningProperty().get()) {
                        runList.refresh();
                        updateHeader();
                        timeline.refresh();
                    }
                }));
        ticker.setCycleCount(javafx.animation.Animation.INDEFINITE);
        ticker.play();
    }

    /** Called with an asset's key when its step is double-clicked in the timeline. */
    public void setOnOpenAsset(Consumer<String> handler) {
        timeline.setOnOpen(handler);
    }

    /** Called with the selected run's id when its Cancel button is pressed. */
    public void setOnCancel(Consumer<String> handler) {
        onCancel = Objects.requireNonNull(handler);
    }

    // ------------------------------------------------------------------ run list

    private VBox runListPane() {
        Label heading = new Label("Runs");
        heading.getStyleClass().add("panel-heading");
        Label count = new Label();
        count.getStyleClass().add("panel-count");
        count.textProperty().bind(javafx.beans.binding.Bindings.size(model.runs()).asString());
        HBox header = new HBox(8, heading, count);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("panel-header");
        runList.setId("runList");
        runList.setItems(model.runs());
        runList.getStyleClass().add("run-list");
        runList.setCellFactory(v -> new RunCell());
        runList.setPlaceholder(placeholder("No runs yet", "Materialize an asset to start one."));
        runList.getSelectionModel().selectedItemProperty().addListener((o, a, run) -> {
            if (!selecting && run != null) {
                model.select(run.runId());
            }
        });
        VBox box = new VBox(header, runList);
        VBox.setVgrow(runList, Priority.ALWAYS);
        box.setMinWidth(220);
        return box;
    }

    private void selectInList(String runId) {
        selecting = true;
        try {
            if (runId == null) {
                runList.getSelectionModel().clearSelection();
                return;
            }
            for (int i = 0; i < model.runs().size(); i++) {
                if (model.runs().get(i).runId().equals(runId)) {
                    if (runList.getSelectionModel().getSelectedIndex() != i) {
                        runList.getSelectionModel().select(i);
                        runList.scrollTo(i);
                    }
                    return;
                }
            }
        } finally {
            selecting = false;
        }
    }

    /** A run: status dot, selection, when it started and how long it took. */
    private final class RunCell extends ListCell<RunRecord> {
        private final Label dot = new Label();
        private final Label selection = new Label();
        private final Label meta = new Label();
        private final VBox text = new VBox(2, selection, meta);
        private final HBox box = new HBox(10, dot, text);

        RunCell() {
            dot.getStyleClass().add("run-dot");
            selection.getStyleClass().add("run-selection");
            meta.getStyleClass().add("run-meta");
            box.setAlignment(Pos.CENTER_LEFT);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(RunRecord run, boolean empty) {
            super.updateItem(run, empty);
            if (empty || run == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            dot.getStyleClass().removeIf(s -> s.startsWith("status-"));
            dot.getStyleClass().add("status-" + run.status().name().toLowerCase(Locale.ROOT));
            selection.setText(selectionTitle(run.selection()));
            Instant now = clock.instant();
            meta.setText(statusWord(run.status()) + " · " + Formats.time(run.startedAt(), now, clock.getZone())
                    + " · " + duration(run, now));
            setTooltip(new Tooltip("Run " + run.runId() + "\n" + run.assetKeys().size() + " step(s)"
                    + (run.failureReason() == null ? "" : "\n" + run.failureReason())));
            setGraphic(box);
        }
    }

    /** How a run's selection reads in the list: "*" is "All assets". */
    static String selectionTitle(String selection) {
        return selection.strip().equals("*") ? "All assets" : selection;
    }

    static String statusWord(RunStatus status) {
        return switch (status) {
            case STARTED -> "Running";
            case SUCCESS -> "Succeeded";
            case FAILURE -> "Failed";
            case CANCELED -> "Canceled";
        };
    }

    private static String duration(RunRecord run, Instant now) {
        Instant end = run.endedAt() == null ? now : run.endedAt();
        Duration d = Duration.between(run.startedAt(), end);
        return run.endedAt() == null ? Formats.elapsed(d) : Formats.duration(d);
    }

    // ------------------------------------------------------------------ log

    private VBox logPane() {
        title.getStyleClass().add("run-title");
        subtitle.getStyleClass().add("run-subtitle");
        progress.setId("runProgress");
        progress.setPrefWidth(180);
        progressText.getStyleClass().add("run-meta");
        progressText.setMinWidth(Region.USE_PREF_SIZE);
        subtitle.setMinWidth(0);
        titles.setMinWidth(0);
        cancel.setId("runPanelCancel");
        cancel.getStyleClass().addAll("small", "danger", "button-outlined");
        cancel.setOnAction(e -> {
            String id = model.selectedRunIdProperty().get();
            if (id != null) {
                onCancel.accept(id);
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, titles, spacer, progressText, progress, cancel);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("panel-header");

        VBox box = new VBox(header, timeline(), filterBar(), table());
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    /** The steps of the selected run on a timeline; clicking one shows only its log, clicking it again all. */
    private StepTimeline timeline() {
        timeline.setOnStep(key -> model.stepProperty().set(key.equals(model.stepProperty().get()) ? null : key));
        model.stepProperty().addListener((o, a, key) -> timeline.setSelected(key));
        model.events().addListener((javafx.collections.ListChangeListener<Event>) c -> updateTimeline());
        updateTimeline();
        return timeline;
    }

    private void updateTimeline() {
        StepSpans spans = StepSpans.of(model.events());
        timeline.setSpans(spans);
        timeline.setVisible(!spans.steps().isEmpty());
        timeline.setManaged(!spans.steps().isEmpty());
    }

    private HBox filterBar() {
        ComboBox<LogLevel> level = new ComboBox<>();
        level.setId("logLevel");
        level.getItems().setAll(LogLevel.values());
        level.valueProperty().bindBidirectional(model.minimumLevelProperty());
        level.setConverter(new StringConverter<>() {
            @Override
            public String toString(LogLevel l) {
                return l == null ? "" : l == LogLevel.DEBUG ? "All levels" : l.name() + " and above";
            }

            @Override
            public LogLevel fromString(String s) {
                return null;
            }
        });
        TextField filter = new TextField();
        filter.setId("logFilter");
        filter.setPromptText("Filter messages");
        filter.textProperty().bindBidirectional(model.textProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        filter.setMaxWidth(360);
        ComboBox<String> step = new ComboBox<>();
        step.setId("logStep");
        step.setPromptText("All steps");
        step.getItems().add(null);
        model.steps().addListener((javafx.collections.ListChangeListener<String>) c -> {
            String keep = step.getValue();
            step.getItems().setAll(model.steps());
            step.getItems().add(0, null);
            step.setValue(keep);
        });
        step.valueProperty().bindBidirectional(model.stepProperty());
        step.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "All steps" : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        step.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "All steps" : item);
            }
        });
        ComboBox<EventType> type = new ComboBox<>();
        type.setId("logType");
        type.getItems().add(null);
        type.getItems().addAll(EventType.values());
        type.valueProperty().bindBidirectional(model.typeProperty());
        StringConverter<EventType> typeNames = new StringConverter<>() {
            @Override
            public String toString(EventType t) {
                return t == null ? "All events" : LogText.eventWord(t);
            }

            @Override
            public EventType fromString(String s) {
                return null;
            }
        };
        type.setConverter(typeNames);
        type.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(EventType item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? "All events" : typeNames.toString(item));
            }
        });
        Button copy = new Button(null, Icons.of("fth-copy"));
        copy.setId("logCopy");
        copy.getStyleClass().addAll("button-icon", "flat");
        copy.setTooltip(new Tooltip("Copy the events shown"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(LogText.of(model.visibleEvents(), clock.getZone()));
            Clipboard.getSystemClipboard().setContent(content);
            logStatus.setText("Copied " + model.visibleEvents().size() + " events");
        });
        Button save = new Button(null, Icons.of("fth-save"));
        save.setId("logSave");
        save.getStyleClass().addAll("button-icon", "flat");
        save.setTooltip(new Tooltip("Save the events shown as a text file…"));
        save.setOnAction(e -> saveLog());
        logStatus.getStyleClass().add("run-meta");
        logStatus.setMinWidth(0);
        Label shown = new Label();
        shown.getStyleClass().add("run-meta");
        shown.setMinWidth(Region.USE_PREF_SIZE);
        shown.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.visibleEvents().size() + " of " + model.events().size() + " events",
                model.visibleEvents(), model.events()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, level, step, type, filter, spacer, logStatus, shown, copy, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private void saveLog() {
        RunRecord run = model.selectedRun();
        if (run == null) {
            return;
        }
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Save the log of run " + Formats.shortRunId(run.runId()));
        chooser.setInitialFileName("cairn-run-" + Formats.shortRunId(run.runId()) + ".log");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Log file", "*.log", "*.txt"));
        java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            saveLog(file.toPath());
        }
    }

    /** Writes the events shown to a file, in the background; the status says how it went. */
    public java.util.concurrent.CompletableFuture<java.nio.file.Path> saveLog(java.nio.file.Path file) {
        String text = LogText.of(List.copyOf(model.visibleEvents()), clock.getZone());
        int count = model.visibleEvents().size();
        logStatus.setText("Saving…");
        java.util.concurrent.CompletableFuture<java.nio.file.Path> saved = new java.util.concurrent.CompletableFuture<>();
        Thread writer = new Thread(() -> {
            try {
                java.nio.file.Files.writeString(file, text);
                saved.complete(file);
            } catch (java.io.IOException | RuntimeException ex) {
                saved.completeExceptionally(ex);
            }
        }, "cairn-save-log");
        writer.setDaemon(true);
        writer.start();
        return saved.whenComplete((path, failure) -> javafx.application.Platform.runLater(() -> logStatus.setText(
                failure == null ? "Saved " + count + " events to " + file.getFileName()
                        : "Could not save " + file.getFileName() + ": " + failure.getMessage())));
    }

    private TableView<Event> table() {
        table.setId("runLog");
        table.getStyleClass().addAll("log-table", "dense");
        table.setItems(model.visibleEvents());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(placeholder("No events", "Select a run on the left, or materialize an asset."));
        ZoneId zone = clock.getZone();

        TableColumn<Event, String> time = new TableColumn<>("Time");
        time.setCellValueFactory(c -> new ReadOnlyStringWrapper(Formats.time(c.getValue().timestamp(),
                c.getValue().timestamp(), zone)));
        time.setPrefWidth(86);
        time.setMaxWidth(110);
        TableColumn<Event, LogLevel> levelColumn = new TableColumn<>("Level");
        levelColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue().level()));
        levelColumn.setCellFactory(c -> new LevelCell());
        levelColumn.setPrefWidth(72);
        levelColumn.setMinWidth(64);
        levelColumn.setMaxWidth(90);
        TableColumn<Event, String> stepColumn = new TableColumn<>("Step");
        stepColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().assetKey() == null ? "" : c.getValue().assetKey()));
        stepColumn.setPrefWidth(170);
        TableColumn<Event, String> type = new TableColumn<>("Event");
        type.setCellValueFactory(c -> new ReadOnlyStringWrapper(LogText.eventWord(c.getValue())));
        type.setPrefWidth(120);
        TableColumn<Event, String> message = new TableColumn<>("Message");
        message.setCellValueFactory(c -> new ReadOnlyStringWrapper(LogText.messageOf(c.getValue())));
        message.setPrefWidth(600);
        table.getColumns().setAll(java.util.List.of(time, levelColumn, stepColumn, type, message));
        table.setRowFactory(t -> {
            TableRow<Event> row = new TableRow<>() {
                @Override
                protected void updateItem(Event e, boolean empty) {
                    super.updateItem(e, empty);
                    getStyleClass().removeAll("row-error", "row-warn");
                    setTooltip(null);
                    if (!empty && e != null) {
                        if (e.level() == LogLevel.ERROR) {
                            getStyleClass().add("row-error");
                        } else if (e.level() == LogLevel.WARN) {
                            getStyleClass().add("row-warn");
                        }
                        String details = LogText.details(e);
                        if (details != null) {
                            Tooltip tip = new Tooltip(details);
                            tip.setMaxWidth(900);
                            tip.setWrapText(true);
                            setTooltip(tip);
                        }
                    }
                }
            };
            row.setOnMouseClicked(m -> {
                if (m.getClickCount() == 2 && row.getItem() != null) {
                    ClipboardContent content = new ClipboardContent();
                    String d = LogText.details(row.getItem());
                    content.putString(LogText.messageOf(row.getItem()) + (d == null ? "" : "\n" + d));
                    Clipboard.getSystemClipboard().setContent(content);
                }
            });
            return row;
        });
        return table;
    }

    private static final class LevelCell extends TableCell<Event, LogLevel> {
        @Override
        protected void updateItem(LogLevel level, boolean empty) {
            super.updateItem(level, empty);
            getStyleClass().removeIf(s -> s.startsWith("level-"));
            if (empty || level == null) {
                setText(null);
            } else {
                setText(level.name());
                getStyleClass().add("level-" + level.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    // ------------------------------------------------------------------ header

    private void updateHeader() {
        RunRecord run = model.selectedRun();
        RunProgress p = model.selectedProgressProperty().get();
        if (run == null && p == null) {
            title.setText("Run log");
            title.getStyleClass().removeIf(s -> s.startsWith("status-"));
            subtitle.setText("No run selected");
            progress.setVisible(false);
            progressText.setText("");
            cancel.setVisible(false);
            return;
        }
        String id = run != null ? run.runId() : p.runId();
        RunStatus status = run != null ? run.status() : p.status();
        String selection = run != null ? run.selection() : p.selection();
        title.setText("Run " + Formats.shortRunId(id) + " · " + statusWord(status));
        title.getStyleClass().removeIf(s -> s.startsWith("status-"));
        title.getStyleClass().add("status-" + status.name().toLowerCase(Locale.ROOT));
        Instant now = clock.instant();
        String when = run == null ? "" : " · started " + Formats.time(run.startedAt(), now, clock.getZone())
                + " · " + duration(run, now);
        subtitle.setText("Selection '" + selection + "'" + when);
        String reason = run == null ? null : run.failureReason();
        Tooltip why = reason == null ? null : new Tooltip(reason);
        if (why != null) {
            why.setWrapText(true);
            why.setMaxWidth(700);
        }
        title.setTooltip(why);
        subtitle.setTooltip(why);
        int total = p == null ? (run == null ? 0 : run.assetKeys().size()) : p.total();
        int done = p == null ? 0 : p.done();
        progress.setVisible(total > 0);
        progress.setProgress(total == 0 ? 0 : (double) done / total);
        progress.getStyleClass().removeIf(s -> s.startsWith("run-progress-"));
        progress.getStyleClass().add("run-progress-" + status.name().toLowerCase(Locale.ROOT));
        progressText.setText(total == 0 ? "" : done + " / " + total + " steps");
        cancel.setVisible(status == RunStatus.STARTED);
    }

    private static VBox placeholder(String title, String text) {
        Label t = new Label(title);
        t.getStyleClass().add("placeholder-title");
        Label s = new Label(text);
        s.getStyleClass().add("placeholder-text");
        VBox box = new VBox(4, t, s);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(16));
        return box;
    }
}
