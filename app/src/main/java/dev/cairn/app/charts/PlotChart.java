package dev.cairn.app.charts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.value.ChangeListener;
import javafx.beans.property.ObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * One chart: a series over time drawn on a single {@link Canvas}, whatever its length. Only the
 * points {@link Downsampler} keeps for the visible span are drawn, every outlier in it is ringed,
 * and a missing value breaks the line. Hovering shows the nearest point's value, time and run;
 * clicking it hands its materialization on; the wheel zooms the time axis around the pointer and
 * dragging pans it (the range is shared: every chart of an asset moves together).
 *
 * <p>Its colours are CSS properties ({@code -cairn-plot-line}, ...) so that the theme's stylesheet
 * sets them, in light and dark alike.
 */
public final class PlotChart extends Region {

    private static final StyleablePropertyFactory<PlotChart> CSS = new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private static final double LEFT = 62;
    private static final double RIGHT = 14;
    private static final double TOP = 10;
    private static final double BOTTOM = 24;
    /** How far from the pointer a point may be to count as hovered, in pixels. */
    private static final double HOVER_RADIUS = 14;
    /** Below this many pixels per drawn point, each point gets a dot. */
    private static final double DOTS_SPACING = 7;
    private static final DateTimeFormatter HOVER_TIME = DateTimeFormatter.ofPattern("MMM d yyyy, HH:mm:ss", Locale.ENGLISH);

    private final StyleableProperty<Color> lineColor =
            CSS.createStyleableColorProperty(this, "lineColor", "-cairn-plot-line", c -> c.lineColor, Color.web("#0969da"));
    private final StyleableProperty<Color> gridColor =
            CSS.createStyleableColorProperty(this, "gridColor", "-cairn-plot-grid", c -> c.gridColor, Color.web("#d0d7de"));
    private final StyleableProperty<Color> textColor =
            CSS.createStyleableColorProperty(this, "textColor", "-cairn-plot-text", c -> c.textColor, Color.web("#57606a"));
    private final StyleableProperty<Color> outlierColor =
            CSS.createStyleableColorProperty(this, "outlierColor", "-cairn-plot-outlier", c -> c.outlierColor, Color.web("#cf222e"));
    private final StyleableProperty<Color> hoverColor =
            CSS.createStyleableColorProperty(this, "hoverColor", "-cairn-plot-hover", c -> c.hoverColor, Color.web("#1f2328"));

    private final Canvas canvas = new Canvas();
    private final Label hoverLabel = new Label();
    private final ObjectProperty<TimeRange> range;
    private final ChangeListener<TimeRange> rangeChanged = (o, was, now) -> {
        // The hovered point moved or left the view: the pointer's next move finds the point under it.
        hovered = -1;
        hoverLabel.setVisible(false);
        draw();
    };
    private final ZoneId zone;
    private final Font font = Font.font("Inter", 11.5);
    private AssetPlots plots;
    private PlotSeries series;
    private Consumer<MaterializationRef> onOpen = m -> { };
    private int hovered = -1;
    private double pressX = Double.NaN;
    private TimeRange pressRange;
    private boolean dragged;
    private int framesDrawn;
    private int pointsDrawn;

    /**
     * @param range the time span shown, shared by the charts of an asset; never null while data is shown
     */
    public PlotChart(ObjectProperty<TimeRange> range, ZoneId zone) {
        this.range = Objects.requireNonNull(range);
        this.zone = Objects.requireNonNull(zone);
        getStyleClass().add("plot-chart");
        hoverLabel.getStyleClass().add("plot-hover");
        hoverLabel.setManaged(false);
        hoverLabel.setVisible(false);
        hoverLabel.setMouseTransparent(true);
        getChildren().addAll(canvas, hoverLabel);
        range.addListener(rangeChanged);
        for (StyleableProperty<Color> color : List.of(lineColor, gridColor, textColor, outlierColor, hoverColor)) {
            // The factory's properties are object properties: observable.
            ((ObservableValue<?>) color).addListener((o, a, b) -> draw());
        }
        setMinHeight(120);
        setPrefHeight(180);
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> hover(Double.NaN, Double.NaN));
        canvas.setOnScroll(this::zoom);
        canvas.setOnMousePressed(this::press);
        canvas.setOnMouseDragged(this::drag);
        canvas.setOnMouseReleased(this::release);
    }

    /** Shows a series of these materializations. */
    public void setSeries(AssetPlots plots, PlotSeries series) {
        this.plots = Objects.requireNonNull(plots);
        this.series = Objects.requireNonNull(series);
        hovered = -1;
        hoverLabel.setVisible(false);
        draw();
    }

    /**
     * Stops following the shared range, for a chart taken off screen for good: the range outlives
     * it, and would otherwise keep it (and its series) alive and redraw it at every zoom.
     */
    void dispose() {
        range.removeListener(rangeChanged);
    }

    /** Called with the materialization of a clicked point. */
    public void setOnOpen(Consumer<MaterializationRef> handler) {
        onOpen = Objects.requireNonNull(handler);
    }

    /** The series shown, or null. */
    public PlotSeries series() {
        return series;
    }

    /** How many times the chart was drawn; for tests and benchmarks. */
    public int framesDrawn() {
        return framesDrawn;
    }

    /** How many points (kept by downsampling, missing ones included) the last frame drew. */
    public int pointsDrawn() {
        return pointsDrawn;
    }

    /** The index of the hovered materialization, or -1. */
    public int hovered() {
        return hovered;
    }

    /** Where the i-th point is drawn, in the chart's coordinates; null if it is not on screen or has no value. */
    public javafx.geometry.Point2D pointPosition(int i) {
        if (series == null || i < 0 || i >= series.size() || !Double.isFinite(series.value(i))) {
            return null;
        }
        Frame f = frame();
        double x = f == null ? Double.NaN : f.x(plots.times()[i]);
        if (f == null || x < f.left() || x > f.right()) {
            return null;
        }
        return new javafx.geometry.Point2D(x, f.y(series.value(i)));
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
        if (hoverLabel.isVisible()) {
            hoverLabel.autosize();
        }
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    // ------------------------------------------------------------------ drawing

    /** The mapping of this frame from data to pixels. */
    private record Frame(double left, double right, double top, double bottom, TimeRange time, double min, double max) {
        double x(double t) {
            return left + (t - time.start()) / time.span() * (right - left);
        }

        double time(double x) {
            return time.start() + (x - left) / (right - left) * time.span();
        }

        double y(double v) {
            if (v == Double.POSITIVE_INFINITY) {
                return top;
            }
            if (v == Double.NEGATIVE_INFINITY) {
                return bottom;
            }
            return bottom - (v - min) / (max - min) * (bottom - top);
        }
    }

    private int lowerBound(double t) {
        double[] x = plots.times();
        int lo = 0;
        int hi = x.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The frame for the current size and range, with the y range of the visible values; null if nothing to draw. */
    private Frame frame() {
        TimeRange time = range.get();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (series == null || time == null || w <= LEFT + RIGHT + 10 || h <= TOP + BOTTOM + 10) {
            return null;
        }
        int from = Math.max(0, lowerBound(time.start()) - 1);
        int to = Math.min(series.size(), lowerBound(time.end()) + 1);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double[] y = series.values();
        double[] x = plots.times();
        for (int i = from; i < to; i++) {
            double v = y[i];
            if (Double.isFinite(v) && x[i] >= time.start() && x[i] <= time.end()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            min = 0;
            max = 1;
        } else if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        } else {
            double pad = (max - min) * 0.08;
            min -= pad;
            max += pad;
        }
        return new Frame(LEFT, w - RIGHT, TOP, h - BOTTOM, time, min, max);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        Frame f = frame();
        if (f == null) {
            return;
        }
        framesDrawn++;
        g.setFont(font);
        drawAxes(g, f);
        int from = Math.max(0, lowerBound(f.time().start()) - 1);
        int to = Math.min(series.size(), lowerBound(f.time().end()) + 1);
        g.save();
        g.beginPath();
        g.rect(f.left(), f.top() - 4, f.right() - f.left(), f.bottom() - f.top() + 8);
        g.clip();
        drawLine(g, f, from, to);
        drawOutliers(g, f, from, to);
        drawHover(g, f);
        g.restore();
    }

    private void drawAxes(GraphicsContext g, Frame f) {
        g.setLineWidth(1);
        g.setFill(textColor.getValue());
        g.setStroke(gridColor.getValue());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        int rows = Math.max(2, (int) ((f.bottom() - f.top()) / 36));
        for (AxisTicks.Tick tick : AxisTicks.numbers(f.min(), f.max(), rows)) {
            double y = Math.round(f.y(tick.value())) + 0.5;
            g.strokeLine(f.left(), y, f.right(), y);
            g.fillText(tick.label(), f.left() - 8, y);
        }
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        int columns = Math.max(1, (int) ((f.right() - f.left()) / 110));
        for (AxisTicks.Tick tick : AxisTicks.times(f.time().start(), f.time().end(), columns, zone)) {
            double x = Math.round(f.x(tick.value())) + 0.5;
            g.strokeLine(x, f.bottom(), x, f.bottom() + 4);
            g.fillText(tick.label(), x, f.bottom() + 6);
        }
        g.strokeLine(f.left(), Math.round(f.bottom()) + 0.5, f.right(), Math.round(f.bottom()) + 0.5);
    }

    private void drawLine(GraphicsContext g, Frame f, int from, int to) {
        double[] x = plots.times();
        double[] y = series.values();
        // A bucket per two pixel columns: each keeps up to four points, which is all a line can show there.
        int buckets = Math.max(3, (int) ((f.right() - f.left()) / 2));
        int[] kept = Downsampler.indices(x, y, from, to, buckets);
        pointsDrawn = kept.length;
        Color line = lineColor.getValue();
        g.setStroke(line);
        g.setLineWidth(1.6);
        // Bevel joins: round ones cost the software rasteriser far more, and at a few points per pixel column look the same.
        g.setLineJoin(StrokeLineJoin.BEVEL);
        g.beginPath();
        boolean down = false;
        for (int i : kept) {
            double v = y[i];
            if (Double.isNaN(v)) {
                down = false;
                continue;
            }
            double px = f.x(x[i]);
            double py = f.y(v);
            if (down) {
                g.lineTo(px, py);
            } else {
                g.moveTo(px, py);
                down = true;
            }
        }
        g.stroke();
        // Dots where points are few enough to tell apart, and for a value with gaps on both sides.
        boolean dots = kept.length * DOTS_SPACING < f.right() - f.left();
        g.setFill(line);
        for (int k = 0; k < kept.length; k++) {
            int i = kept[k];
            if (Double.isNaN(y[i])) {
                continue;
            }
            boolean alone = (k == 0 || Double.isNaN(y[kept[k - 1]])) && (k == kept.length - 1 || Double.isNaN(y[kept[k + 1]]));
            if (dots || alone) {
                g.fillOval(f.x(x[i]) - 2.5, f.y(y[i]) - 2.5, 5, 5);
            }
        }
    }

    private void drawOutliers(GraphicsContext g, Frame f, int from, int to) {
        if (series.outlierCount() == 0) {
            return;
        }
        double[] x = plots.times();
        double[] y = series.values();
        g.setStroke(outlierColor.getValue());
        g.setFill(outlierColor.getValue());
        g.setLineWidth(2);
        for (int i = from; i < to; i++) {
            if (series.isOutlier(i)) {
                double px = f.x(x[i]);
                double py = f.y(y[i]);
                g.fillOval(px - 3, py - 3, 6, 6);
                g.strokeOval(px - 6.5, py - 6.5, 13, 13);
            }
        }
    }

    private void drawHover(GraphicsContext g, Frame f) {
        if (hovered < 0 || hovered >= series.size()) {
            return;
        }
        double px = f.x(plots.times()[hovered]);
        double py = f.y(series.value(hovered));
        g.setStroke(gridColor.getValue());
        g.setLineWidth(1);
        g.strokeLine(Math.round(px) + 0.5, f.top(), Math.round(px) + 0.5, f.bottom());
        g.setStroke(hoverColor.getValue());
        g.setLineWidth(2);
        g.strokeOval(px - 5, py - 5, 10, 10);
    }

    // ------------------------------------------------------------------ the mouse

    private void hover(double mx, double my) {
        int found = Double.isNaN(mx) ? -1 : nearest(mx, my);
        if (found != hovered) {
            hovered = found;
            draw();
        }
        if (hovered < 0) {
            hoverLabel.setVisible(false);
            return;
        }
        hoverLabel.setText(describe(hovered));
        hoverLabel.setVisible(true);
        hoverLabel.autosize();
        Frame f = frame();
        double px = f.x(plots.times()[hovered]);
        double py = f.y(series.value(hovered));
        double w = hoverLabel.getWidth();
        double h = hoverLabel.getHeight();
        double lx = px + 14 + w > getWidth() ? px - 14 - w : px + 14;
        double ly = Math.max(0, Math.min(getHeight() - h, py - h / 2));
        hoverLabel.relocate(Math.max(0, lx), ly);
    }

    /** The materialization whose point is nearest the pointer, within {@link #HOVER_RADIUS}; -1 if none. */
    private int nearest(double mx, double my) {
        Frame f = frame();
        if (f == null || mx < f.left() - HOVER_RADIUS || mx > f.right() + HOVER_RADIUS) {
            return -1;
        }
        double[] x = plots.times();
        double[] y = series.values();
        int i = lowerBound(f.time(mx - HOVER_RADIUS));
        int best = -1;
        double bestDistance = HOVER_RADIUS * HOVER_RADIUS;
        // Among many points under the pointer, the nearest in both directions wins.
        for (; i < x.length && f.x(x[i]) <= mx + HOVER_RADIUS; i++) {
            if (Double.isNaN(y[i])) {
                continue;
            }
            double dx = f.x(x[i]) - mx;
            double dy = f.y(y[i]) - my;
            double d = dx * dx + dy * dy;
            if (d <= bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /** The hover label's text: value, time, run (and partition, and why it is marked). */
    String describe(int i) {
        MaterializationRef m = plots.materialization(i);
        StringBuilder text = new StringBuilder(series.title()).append(": ").append(AxisTicks.exact(series.value(i)))
                .append('\n').append(HOVER_TIME.format(m.timestamp().atZone(zone)))
                .append("\nRun ").append(m.runId() == null ? "?" : dev.cairn.app.format.Formats.shortRunId(m.runId()));
        if (m.partitionKey() != null) {
            text.append(" · partition ").append(m.partitionKey());
        }
        if (series.isOutlier(i)) {
            text.append("\nFar outside the recent trend");
        }
        return text.append("\nClick to open").toString();
    }

    private void zoom(ScrollEvent e) {
        TimeRange r = range.get();
        Frame f = frame();
        if (r == null || f == null || e.getDeltaY() == 0) {
            return;
        }
        range.set(r.zoom(f.time(e.getX()), Math.pow(1.2, -e.getDeltaY() / 40)));
        hover(e.getX(), e.getY());
        e.consume();
    }

    private void press(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY) {
            pressX = e.getX();
            pressRange = range.get();
            dragged = false;
        }
    }

    private void drag(MouseEvent e) {
        Frame f = frame();
        if (Double.isNaN(pressX) || pressRange == null || f == null) {
            return;
        }
        double dx = e.getX() - pressX;
        if (Math.abs(dx) > 3) {
            dragged = true;
        }
        if (dragged) {
            range.set(pressRange.shift(-dx / (f.right() - f.left()) * pressRange.span()));
            canvas.setCursor(javafx.scene.Cursor.CLOSED_HAND);
        }
    }

    private void release(MouseEvent e) {
        boolean click = !Double.isNaN(pressX) && !dragged && e.getButton() == MouseButton.PRIMARY;
        pressX = Double.NaN;
        pressRange = null;
        canvas.setCursor(null);
        if (click) {
            int i = nearest(e.getX(), e.getY());
            if (i >= 0) {
                onOpen.accept(plots.materialization(i));
            }
        }
    }
}
