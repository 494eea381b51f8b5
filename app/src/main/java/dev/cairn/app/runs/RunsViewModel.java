package dev.cairn.app.runs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import dev.cairn.app.engine.RunProgress;
import dev.cairn.app.session.WorkspaceViewModel;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.events.LogLevel;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The runs of the open jar and the one the user looks at: its events (read from the log, then
 * followed live), filtered by level, text and step, and its progress. Also counts the steps of the
 * runs going on now, for the tool bar's progress bar.
 */
public final class RunsViewModel {

    /** How many events of a run are read at once. */
    private static final int PAGE = 5_000;

    private final WorkspaceViewModel workspace;
    private final ReadOnlyObjectWrapper<String> selectedRunId = new ReadOnlyObjectWrapper<>(this, "selectedRunId");
    private final ObservableList<Event> events = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call would drop its listeners when collected. */
    private final ObservableList<Event> eventsView = FXCollections.unmodifiableObservableList(events);
    private final FilteredList<Event> visibleEvents = new FilteredList<>(events, e -> true);
    private final ObjectProperty<LogLevel> minimumLevel = new SimpleObjectProperty<>(this, "minimumLevel", LogLevel.DEBUG);
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<String> step = new SimpleObjectProperty<>(this, "step");
    private final ObjectProperty<EventType> type = new SimpleObjectProperty<>(this, "type");
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RunProgress> selectedProgress = new ReadOnlyObjectWrapper<>(this, "selectedProgress");
    /** Runs followed live, with their progress. */
    private final Map<String, RunProgress> live = new LinkedHashMap<>();
    private final ReadOnlyIntegerWrapper liveDone = new ReadOnlyIntegerWrapper(this, "liveDone");
    private final ReadOnlyIntegerWrapper liveTotal = new ReadOnlyIntegerWrapper(this, "liveTotal");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private long loadGeneration;
    private boolean autoSelected;

    public RunsViewModel(WorkspaceViewModel workspace) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        workspace.addRunEventListener(this::onEvents);
        workspace.jarProperty().addListener((o, a, b) -> {
            autoSelected = false;
            live.clear();
            updateLive();
            select(null);
        });
        workspace.runs().addListener((javafx.collections.ListChangeListener<RunRecord>) c -> {
            updateRunning();
            // On opening a jar, show its latest run rather than an empty log.
            if (selectedRunId.get() == null && !autoSelected && !runs().isEmpty()) {
                autoSelected = true;
                select(runs().get(0).runId());
            }
        });
        minimumLevel.addListener((o, a, b) -> refilter());
        text.addListener((o, a, b) -> refilter());
        step.addListener((o, a, b) -> refilter());
        type.addListener((o, a, b) -> refilter());
    }

    // ------------------------------------------------------------------ state

    /** Runs, newest first. */
    public ObservableList<RunRecord> runs() {
        return workspace.runs();
    }

    /** The run whose events are shown, or null. */
    public ReadOnlyObjectProperty<String> selectedRunIdProperty() {
        return selectedRunId.getReadOnlyProperty();
    }

    /** The record of the selected run, if listed. */
    public RunRecord selectedRun() {
        String id = selectedRunId.get();
        return id == null ? null : runs().stream().filter(r -> r.runId().equals(id)).findFirst().orElse(null);
    }

    /** Every event of the selected run read so far. */
    public ObservableList<Event> events() {
        return eventsView;
    }

    /** The events that pass the filters. */
    public ObservableList<Event> visibleEvents() {
        return visibleEvents;
    }

    /** Events below this level are hidden. */
    public ObjectProperty<LogLevel> minimumLevelProperty() {
        return minimumLevel;
    }

    /** Only events whose message (or step) contains this text, ignoring case, are shown. */
    public StringProperty textProperty() {
        return text;
    }

    /** Only events of this step are shown; null for all. */
    public ObjectProperty<String> stepProperty() {
        return step;
    }

    /** Only events of this type are shown; null for all. */
    public ObjectProperty<EventType> typeProperty() {
        return type;
    }

    /** The steps of the selected run, for the step filter. */
    public ObservableList<String> steps() {
        return steps;
    }

    /** The progress of the selected run. */
    public ReadOnlyObjectProperty<RunProgress> selectedProgressProperty() {
        return selectedProgress.getReadOnlyProperty();
    }

    /** Steps done in the runs going on now. */
    public ReadOnlyIntegerProperty liveDoneProperty() {
        return liveDone.getReadOnlyProperty();
    }

    /** Steps planned in the runs going on now. */
    public ReadOnlyIntegerProperty liveTotalProperty() {
        return liveTotal.getReadOnlyProperty();
    }

    /** True while a run of the workspace is STARTED. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The ids of the runs going on now. */
    public List<String> startedRunIds() {
        return runs().stream().filter(r -> r.status() == RunStatus.STARTED).map(RunRecord::runId).toList();
    }

    // ------------------------------------------------------------------ commands

    /** Shows a run's events; null shows none. */
    public void select(String runId) {
        if (Objects.equals(runId, selectedRunId.get()) && runId != null) {
            return;
        }
        long gen = ++loadGeneration;
        selectedRunId.set(runId);
        events.clear();
        steps.clear();
        step.set(null);
        selectedProgress.set(runId == null ? null : new RunProgress(runId));
        if (runId != null) {
            load(runId, 0, gen);
        }
    }

    private void load(String runId, long afterId, long gen) {
        workspace.events(runId, afterId, PAGE).whenComplete((page, failure) -> Platform.runLater(() -> {
            if (gen != loadGeneration || failure != null) {
                return;
            }
            merge(page);
            if (page.size() == PAGE) {
                load(runId, page.get(page.size() - 1).id(), gen);
            }
        }));
    }

    /** Adds events the list lacks, keeping it in id order (live events may have arrived first). */
    private void merge(List<Event> more) {
        if (more.isEmpty()) {
            return;
        }
        Map<Long, Event> byId = new HashMap<>();
        events.forEach(e -> byId.put(e.id(), e));
        more.forEach(e -> byId.putIfAbsent(e.id(), e));
        List<Event> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparingLong(Event::id));
        events.setAll(all);
        selectedProgress.set(RunProgress.of(selectedRunId.get(), all));
        updateSteps();
    }

    private void onEvents(String runId, List<Event> batch) {
        RunProgress progress = live.computeIfAbsent(runId, RunProgress::new);
        batch.forEach(progress::accept);
        boolean started = batch.stream().anyMatch(e -> e.type() == EventType.RUN_STARTED);
        if (progress.status().isFinished()) {
            live.remove(runId);
        }
        updateLive();
        RunRecord shown = selectedRun();
        // A run that starts now is what the user wants to watch, unless they are watching another live one.
        if (started && (selectedRunId.get() == null || shown == null || shown.status().isFinished()
                || selectedRunId.get().equals(runId))) {
            select(runId);
        }
        if (runId.equals(selectedRunId.get())) {
            long last = events.isEmpty() ? 0 : events.get(events.size() - 1).id();
            List<Event> newer = batch.stream().filter(e -> e.id() > last).toList();
            if (!newer.isEmpty()) {
                events.addAll(newer);
                RunProgress p = selectedProgress.get();
                newer.forEach(p::accept);
                selectedProgress.set(null);
                selectedProgress.set(p);
                updateSteps();
            }
        }
    }

    private void updateLive() {
        liveDone.set(live.values().stream().mapToInt(RunProgress::done).sum());
        liveTotal.set(live.values().stream().mapToInt(RunProgress::total).sum());
        updateRunning();
    }

    private void updateRunning() {
        running.set(!live.isEmpty() || runs().stream().anyMatch(r -> r.status() == RunStatus.STARTED));
    }

    private void updateSteps() {
        RunProgress p = selectedProgress.get();
        if (p != null && steps.size() != p.total()) {
            List<String> keys = new ArrayList<>(p.steps().keySet());
            keys.sort(null);
            steps.setAll(keys);
        }
    }

    private void refilter() {
        visibleEvents.setPredicate(filter(minimumLevel.get(), text.get(), step.get(), type.get()));
    }

    /**
     * The filter of the log table: level at least {@code level}, text in the message or step, the
     * given step, the given type (null for any).
     */
    static Predicate<Event> filter(LogLevel level, String text, String stepKey, EventType eventType) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return e -> (level == null || e.level().compareTo(level) >= 0)
                && (stepKey == null || stepKey.equals(e.assetKey()))
                && (eventType == null || e.type() == eventType)
                && (needle.isEmpty() || e.message().toLowerCase(Locale.ROOT).contains(needle)
                    || e.assetKey() != null && e.assetKey().toLowerCase(Locale.ROOT).contains(needle));
    }
}
