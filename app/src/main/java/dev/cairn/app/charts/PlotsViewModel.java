package dev.cairn.app.charts;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The charts of one asset as observable state on the UI thread: which asset, its series once read,
 * whether they are being read or failed to be, and the time span every chart shows. Reading and
 * file writing happen in the background.
 */
public final class PlotsViewModel {

    /** The spans offered as presets, each ending at the latest materialization. */
    public enum Preset {
        DAY("24 h", Duration.ofHours(24)),
        WEEK("7 days", Duration.ofDays(7)),
        ALL("All", null);

        private final String label;
        private final Duration span;

        Preset(String label, Duration span) {
            this.label = label;
            this.span = span;
        }

        /** What its button reads. */
        public String label() {
            return label;
        }
    }

    private final PlotsLoader loader;
    private final Executor files;
    private final ReadOnlyStringWrapper assetKey = new ReadOnlyStringWrapper(this, "assetKey");
    private final ReadOnlyObjectWrapper<AssetPlots> plots = new ReadOnlyObjectWrapper<>(this, "plots");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(this, "range");
    private final ReadOnlyObjectWrapper<Preset> preset = new ReadOnlyObjectWrapper<>(this, "preset", Preset.ALL);
    private long generation;

    /**
     * @param files where exported files are written
     */
    public PlotsViewModel(PlotsLoader loader, Executor files) {
        this.loader = Objects.requireNonNull(loader);
        this.files = Objects.requireNonNull(files);
        range.addListener((o, a, b) -> {
            if (b != null && !b.equals(presetRange(preset.get()))) {
                preset.set(null);
            }
        });
    }

    /** The asset shown, or null. */
    public ReadOnlyStringProperty assetKeyProperty() {
        return assetKey.getReadOnlyProperty();
    }

    /** Its charts once read, or null. */
    public ReadOnlyObjectProperty<AssetPlots> plotsProperty() {
        return plots.getReadOnlyProperty();
    }

    /** True while its charts are being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the charts could not be read, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The time span every chart shows; zooming and panning set it. */
    public ObjectProperty<TimeRange> rangeProperty() {
        return range;
    }

    /** The preset the span is at, or null once zoomed or panned away from it. */
    public ReadOnlyObjectProperty<Preset> presetProperty() {
        return preset.getReadOnlyProperty();
    }

    /** Reads and shows the charts of an asset (again, if it is the one shown: new materializations appear). */
    public void show(String key) {
        long gen = ++generation;
        boolean sameAsset = key.equals(assetKey.get());
        assetKey.set(key);
        if (!sameAsset) {
            plots.set(null);
        }
        error.set(null);
        loading.set(true);
        loader.load(key).whenComplete((read, failure) -> Platform.runLater(() -> {
            if (gen != generation) {
                return;
            }
            loading.set(false);
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                error.set("Could not read the history of " + key + ": " + cause.getMessage());
                return;
            }
            plots.set(read);
            if (!sameAsset || range.get() == null) {
                applyPreset(Preset.ALL);
            } else if (preset.get() != null) {
                applyPreset(preset.get());
            }
        }));
    }

    /** Shows a preset span, ending at the latest materialization. */
    public void applyPreset(Preset p) {
        preset.set(p);
        range.set(presetRange(p));
    }

    private TimeRange presetRange(Preset p) {
        AssetPlots shown = plots.get();
        if (p == null || shown == null || shown.size() == 0) {
            return null;
        }
        double last = shown.lastMillis();
        if (p.span == null) {
            return TimeRange.around(shown.firstMillis(), last);
        }
        double span = p.span.toMillis();
        return new TimeRange(last - span, last + span * 0.02);
    }

    /**
     * Writes a series as CSV: one row per materialization, oldest first, with an empty value where it
     * had none.
     */
    public CompletableFuture<Path> exportCsv(PlotSeries series, Path file) {
        AssetPlots shown = Objects.requireNonNull(plots.get(), "no charts shown");
        return CompletableFuture.supplyAsync(() -> {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("event_id,time,run_id,partition,");
                out.write(csv(series.key()));
                out.write(",outlier\n");
                for (int i = 0; i < shown.size(); i++) {
                    double v = series.value(i);
                    out.write(shown.eventId(i) + "," + shown.time(i) + "," + csv(shown.runId(i)) + ","
                            + csv(shown.partitionKey(i)) + "," + (Double.isNaN(v) ? "" : AxisTicks.plain(v)) + ","
                            + series.isOutlier(i) + "\n");
                }
                return file;
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, files);
    }

    /** Writes a PNG image of a chart, already snapshotted on the UI thread. */
    public CompletableFuture<Path> exportPng(javafx.scene.image.Image image, Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (!javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                        file.toFile())) {
                    throw new IOException("no PNG writer is available");
                }
                return file;
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, files);
    }

    /** A CSV field, quoted when it needs to be. */
    static String csv(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
