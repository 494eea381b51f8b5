package dev.cairn.app.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import dev.cairn.app.engine.RunProgress.StepState;
import dev.cairn.app.format.Formats;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A run's steps as a Gantt chart on one canvas: a row per step, in the order they started, its bar
 * from start to end coloured by how it ended. Only the rows in view are drawn, so a run of
 * thousands of steps scrolls as fast as one of three. Clicking a row hands its step on (the run
 * panel filters its log by it); the selected step's row is highlighted.
 */
public final class StepTimeline extends Region {

    private static final StyleablePropertyFactory<StepTimeline> CSS = new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    static final double ROW = 20;
    private static final double AXIS = 20;
    private static final double LABELS = 170;
    private static final double RIGHT = 14;

    private final StyleableProperty<Color> succeeded = color("succeededColor", "-cairn-step-succeeded", "#1a7f37");
    private final StyleableProperty<Color> failed = color("failedColor", "-cairn-step-failed", "#cf222e");
    private final StyleableProperty<Color> running = color("runningColor", "-cairn-step-running", "#0969da");
    private final StyleableProperty<Color> other = color("otherColor", "-cairn-step-other", "#9a6700");
    private final StyleableProperty<Color> text = color("textColor", "-cairn-step-text", "#1f2328");
    private final StyleableProperty<Color> muted = color("mutedColor", "-cairn-step-muted", "#656d76");
    private final StyleableProperty<Color> grid = color("gridColor", "-cairn-step-grid", "#d0d7de");
    private final StyleableProperty<Color> selection = color("selectionColor", "-cairn-step-selection", "#ddf4ff");

    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final Tooltip tip = new Tooltip();
    private final Clock clock;
    private final Font font = Font.font("Inter", 12);
    private StepSpans spans = new StepSpans(null, null, List.of());
    private String selected;
    private Consumer<String> onStep = k -> { };
    private Consumer<String> onOpen = k -> { };

    public StepTimeline(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        setId("stepTimeline");
        getStyleClass().add("step-timeline");
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.valueProperty().addListener((o, a, b) -> draw());
        getChildren().addAll(canvas, scroll);
        for (StyleableProperty<Color> c : List.of(succeeded, failed, running, other, text, muted, grid, selection)) {
            ((ObservableValue<?>) c).addListener((o, a, b) -> draw());
        }
        canvas.setOnScroll(e -> scroll.setValue(clamp(scroll.getValue() - e.getDeltaY() / ROW, 0, scroll.getMax())));
        canvas.setOnMouseClicked(e -> {
            int row = rowAt(e.getY());
            if (row >= 0) {
                String key = spans.steps().get(row).key();
                onStep.accept(key);
                if (e.getClickCount() == 2) {
                    onOpen.accept(key);
                }
            }
        });
        tip.setShowDelay(javafx.util.Duration.millis(250));
        canvas.setOnMouseMoved(e -> {
            int row = rowAt(e.getY());
            if (row < 0) {
                Tooltip.uninstall(canvas, tip);
            } else {
                tip.setText(describe(spans.steps().get(row)));
                Tooltip.install(canvas, tip);
            }
        });
    }

    private StyleableProperty<Color> color(String name, String property, String initial) {
        return CSS.createStyleableColorProperty(this, name, property, t -> switch (name) {
            case "succeededColor" -> t.succeeded;
            case "failedColor" -> t.failed;
            case "runningColor" -> t.running;
            case "otherColor" -> t.other;
            case "textColor" -> t.text;
            case "mutedColor" -> t.muted;
            case "gridColor" -> t.grid;
            default -> t.selection;
        }, Color.web(initial));
    }

    /** Shows these steps. */
    public void setSpans(StepSpans spans) {
        this.spans = Objects.requireNonNull(spans);
        updateScroll();
        requestLayout();
        draw();
    }

    /** The steps shown. */
    public StepSpans spans() {
        return spans;
    }

    /** Highlights a step's row, or none. */
    public void setSelected(String key) {
        selected = key;
        draw();
    }

    /** Called with the key of a clicked step. */
    public void setOnStep(Consumer<String> handler) {
        onStep = Objects.requireNonNull(handler);
    }

    /** Called with the key of a double-clicked step. */
    public void setOnOpen(Consumer<String> handler) {
        onOpen = Objects.requireNonNull(handler);
    }

    /** Where a step's row is, in this node's coordinates (its middle, at the bar's start); null if not in view. */
    public javafx.geometry.Point2D rowPosition(String key) {
        List<StepSpans.Span> steps = spans.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).key().equals(key)) {
                double y = AXIS + (i - first()) * ROW + ROW / 2;
                return y < AXIS || y > getHeight() ? null : new javafx.geometry.Point2D(LABELS / 2, y);
            }
        }
        return null;
    }

    /** Redraws, for the bars of running steps that grow with the clock. */
    public void refresh() {
        draw();
    }

    @Override
    protected double computePrefHeight(double width) {
        // Up to four and a half rows: the log below needs the room more; the rest scrolls.
        return AXIS + Math.min(4.5, Math.max(1, spans.steps().size())) * ROW + 4;
    }

    @Override
    protected double computeMinHeight(double width) {
        return AXIS + Math.min(2, Math.max(1, spans.steps().size())) * ROW + 4;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        updateScroll();
        double bar = scroll.isVisible() ? scroll.prefWidth(-1) : 0;
        scroll.resizeRelocate(w - bar, 0, bar, h);
        if (canvas.getWidth() != w - bar || canvas.getHeight() != h) {
            canvas.setWidth(Math.max(0, w - bar));
            canvas.setHeight(h);
        }
        draw();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    private int visibleRows() {
        return (int) Math.max(1, Math.floor((getHeight() - AXIS) / ROW));
    }

    private int first() {
        return (int) Math.round(scroll.getValue());
    }

    private void updateScroll() {
        int hidden = Math.max(0, spans.steps().size() - visibleRows());
        scroll.setVisible(hidden > 0);
        scroll.setMax(hidden);
        scroll.setVisibleAmount(hidden == 0 ? 1 : Math.max(1, hidden * visibleRows() / (double) spans.steps().size()));
        if (scroll.getValue() > hidden) {
            scroll.setValue(hidden);
        }
    }

    private int rowAt(double y) {
        if (y < AXIS) {
            return -1;
        }
        int row = first() + (int) ((y - AXIS) / ROW);
        return row < spans.steps().size() ? row : -1;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (spans.runStart() == null || spans.steps().isEmpty() || w < LABELS + RIGHT + 20) {
            return;
        }
        Instant now = clock.instant();
        Instant start = spans.runStart();
        Instant end = spans.runEnd() != null ? spans.runEnd() : now;
        for (StepSpans.Span s : spans.steps()) {
            Instant e = s.endOr(spans.runEnd(), now);
            end = e.isAfter(end) ? e : end;
        }
        double total = Math.max(1, Duration.between(start, end).toMillis());
        double left = LABELS;
        double right = w - RIGHT;
        g.setFont(font);
        // The time axis: elapsed time since the run started.
        g.setStroke(grid.getValue());
        g.setFill(muted.getValue());
        g.setLineWidth(1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double step = niceMillis(total / Math.max(1, (right - left) / 90));
        for (double t = 0; t <= total; t += step) {
            double x = Math.round(left + t / total * (right - left)) + 0.5;
            g.strokeLine(x, AXIS - 4, x, h);
            if (x + 44 < w) {
                g.fillText(Formats.duration(Duration.ofMillis((long) t)), x + 3, AXIS / 2);
            }
        }
        g.strokeLine(0, AXIS - 0.5, w, AXIS - 0.5);
        int firstRow = first();
        int rows = Math.min(spans.steps().size() - firstRow, visibleRows() + 1);
        for (int r = 0; r < rows; r++) {
            StepSpans.Span s = spans.steps().get(firstRow + r);
            double y = AXIS + r * ROW;
            if (s.key().equals(selected)) {
                g.setFill(selection.getValue());
                g.fillRect(0, y, w, ROW);
            }
            g.setFill(text.getValue());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(ellipsis(s.key(), 24), 8, y + ROW / 2);
            double x0 = left + Duration.between(start, s.start()).toMillis() / total * (right - left);
            double x1 = left + Duration.between(start, s.endOr(spans.runEnd(), now)).toMillis() / total * (right - left);
            g.setFill(colorOf(s.state()));
            g.fillRoundRect(x0, y + 4, Math.max(3, x1 - x0), ROW - 8, 4, 4);
        }
    }

    private Color colorOf(StepState state) {
        return switch (state) {
            case SUCCEEDED -> succeeded.getValue();
            case FAILED -> failed.getValue();
            case RUNNING, PENDING -> running.getValue();
            case SKIPPED, INTERRUPTED -> other.getValue();
        };
    }

    private String describe(StepSpans.Span s) {
        Instant now = clock.instant();
        String state = switch (s.state()) {
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case RUNNING, PENDING -> "running";
            case SKIPPED -> "skipped";
            case INTERRUPTED -> "interrupted";
        };
        String took = s.state() == StepState.SKIPPED ? ""
                : " after " + Formats.duration(Duration.between(s.start(), s.endOr(spans.runEnd(), now)));
        return s.key() + "\n" + state + took + (s.attempts() > 1 ? " (" + s.attempts() + " attempts)" : "")
                + "\nstarted " + Formats.time(s.start(), now, clock.getZone()) + "\nClick to show its log, double-click for the asset's details";
    }

    private static String ellipsis(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** 1, 2 or 5 times a power of ten milliseconds, at least {@code rough}. */
    private static double niceMillis(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(1, rough))));
        double f = rough / power;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
