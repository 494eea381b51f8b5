package dev.cairn.app.charts;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import dev.cairn.app.shell.Icons;
import dev.cairn.app.shell.Stylesheets;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The "Plots" of an asset: one chart per numeric metadata key and one of durations, over its
 * materializations in time, sharing one time span (presets 24 h, 7 days, all; wheel to zoom, drag
 * to pan). Self-contained: {@link #show(String)} an asset, and {@link #setOnOpenMaterialization}
 * receives the materialization of a clicked point.
 */
public final class PlotsView extends BorderPane {

    private final PlotsViewModel model;
    private final ZoneId zone;
    private final Label title = new Label("Plots");
    private final Label subtitle = new Label();
    private final Label status = new Label();
    private final VBox cards = new VBox(14);
    private final ScrollPane scroll = new ScrollPane(cards);
    private final StackPane placeholder = new StackPane();
    private final ToggleGroup presets = new ToggleGroup();
    private final List<PlotChart> charts = new ArrayList<>();
    /**
     * A read that ends within this long shows no spinner: it would only flash, and in software
     * rendering its frames take the processor from the read.
     */
    private final PauseTransition spinnerDelay = new PauseTransition(javafx.util.Duration.millis(600));
    private Consumer<MaterializationRef> onOpen = m -> { };

    public PlotsView(PlotsViewModel model, ZoneId zone) {
        this.model = Objects.requireNonNull(model);
        this.zone = Objects.requireNonNull(zone);
        setId("plotsView");
        getStyleClass().add("plots-view");
        getStylesheets().add(Stylesheets.url(PlotsView.class, "charts"));
        setTop(header());
        cards.getStyleClass().add("plot-cards");
        cards.setPadding(new Insets(12, 14, 14, 14));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plots-scroll");
        placeholder.getStyleClass().add("plots-placeholder");
        setCenter(new StackPane(scroll, placeholder));
        model.plotsProperty().addListener((o, a, b) -> rebuild());
        model.loadingProperty().addListener((o, a, b) -> updatePlaceholder());
        model.errorProperty().addListener((o, a, b) -> updatePlaceholder());
        model.presetProperty().addListener((o, a, p) -> selectPreset(p));
        rebuild();
    }

    /** Reads and shows the charts of an asset. */
    public void show(String assetKey) {
        model.show(Objects.requireNonNull(assetKey));
    }

    /** Called with the materialization of a point the user clicked. */
    public void setOnOpenMaterialization(Consumer<MaterializationRef> handler) {
        onOpen = Objects.requireNonNull(handler);
    }

    /** Whether the header names the asset; a pane that already names it hides the title. */
    public void setTitleShown(boolean shown) {
        title.setVisible(shown);
        title.setManaged(shown);
    }

    /** The charts shown, in order; for tests. */
    public List<PlotChart> charts() {
        return List.copyOf(charts);
    }

    /** The view's state. */
    public PlotsViewModel model() {
        return model;
    }

    // ------------------------------------------------------------------ header

    private Node header() {
        title.getStyleClass().add("plots-title");
        subtitle.getStyleClass().add("plots-subtitle");
        title.setWrapText(true);
        subtitle.setWrapText(true);
        status.getStyleClass().add("plots-subtitle");
        status.setId("plotsStatus");
        VBox titles = new VBox(2, title, subtitle);
        titles.setMinWidth(0);
        HBox buttons = new HBox();
        PlotsViewModel.Preset[] all = PlotsViewModel.Preset.values();
        for (int i = 0; i < all.length; i++) {
            PlotsViewModel.Preset p = all[i];
            ToggleButton b = new ToggleButton(p.label());
            b.setId("plotsPreset" + p.name().charAt(0) + p.name().substring(1).toLowerCase(Locale.ROOT));
            b.setUserData(p);
            b.setToggleGroup(presets);
            b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == all.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            b.setTooltip(new Tooltip(p == PlotsViewModel.Preset.ALL ? "Every materialization"
                    : "The " + p.label() + " up to the latest materialization"));
            b.setOnAction(e -> {
                // A pressed preset stays pressed: pressing it again shows its span again.
                model.applyPreset(p);
                selectPreset(p);
            });
            buttons.getChildren().add(b);
        }
        selectPreset(model.presetProperty().get());
        // The presets never shrink; the texts wrap, so the header reads well in the narrow details pane too.
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        Label hint = new Label("Scroll to zoom · drag to pan · click a point to open it");
        hint.getStyleClass().add("plots-hint");
        hint.setMinWidth(0);
        hint.setWrapText(true);
        status.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(titles, Priority.SOMETIMES);
        HBox top = new HBox(12, titles, spacer, buttons);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(hint, Priority.ALWAYS);
        HBox bottom = new HBox(12, status, hint);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(6, top, bottom);
        bar.getStyleClass().addAll("panel-header", "plots-header");
        return bar;
    }

    private void selectPreset(PlotsViewModel.Preset p) {
        for (var t : presets.getToggles()) {
            t.setSelected(t.getUserData() == p);
        }
    }

    // ------------------------------------------------------------------ charts

    private void rebuild() {
        AssetPlots plots = model.plotsProperty().get();
        String key = model.assetKeyProperty().get();
        title.setText(key == null ? "Plots" : "Plots · " + key);
        charts.forEach(PlotChart::dispose);
        charts.clear();
        cards.getChildren().clear();
        if (plots == null) {
            subtitle.setText("");
            updatePlaceholder();
            return;
        }
        int outliers = plots.series().stream().mapToInt(PlotSeries::outlierCount).sum();
        subtitle.setText(String.format(Locale.ENGLISH, "%,d materialization%s · %d chart%s%s", plots.size(),
                plots.size() == 1 ? "" : "s", plots.series().size(), plots.series().size() == 1 ? "" : "s",
                outliers == 0 ? "" : String.format(Locale.ENGLISH, " · %,d point%s far outside the trend", outliers,
                        outliers == 1 ? "" : "s")));
        for (PlotSeries series : plots.series()) {
            cards.getChildren().add(card(plots, series));
        }
        updatePlaceholder();
    }

    private Node card(AssetPlots plots, PlotSeries series) {
        PlotChart chart = new PlotChart(model.rangeProperty(), zone);
        chart.setSeries(plots, series);
        chart.setOnOpen(m -> onOpen.accept(m));
        charts.add(chart);
        Label name = new Label(series.title());
        name.getStyleClass().add("plot-title");
        Label latest = new Label(latestText(series));
        latest.getStyleClass().add("plot-latest");
        // In a narrow pane the name stays whole and the latest value gives way.
        name.setMinWidth(Region.USE_PREF_SIZE);
        latest.setMinWidth(0);
        HBox header = new HBox(10, name, latest);
        if (series.outlierCount() > 0) {
            Label badge = new Label(series.outlierCount() + (series.outlierCount() == 1 ? " outlier" : " outliers"),
                    Icons.of("fth-alert-triangle"));
            badge.getStyleClass().add("plot-outliers");
            badge.setTooltip(new Tooltip("Values more than 3.5 robust deviations from the median of the 30 before them:"
                    + " a sudden drop or jump. They are ringed on the chart."));
            header.getChildren().add(badge);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox card = new VBox(6);
        MenuItem png = new MenuItem("Export Chart as PNG…", Icons.of("fth-image"));
        png.setOnAction(e -> choose(series, "png", "PNG image", file -> model.exportPng(snapshot(card), file)));
        MenuItem csv = new MenuItem("Export Series as CSV…", Icons.of("fth-file-text"));
        csv.setOnAction(e -> choose(series, "csv", "CSV file", file -> model.exportCsv(series, file)));
        MenuButton menu = new MenuButton(null, Icons.of("fth-download"), png, csv);
        menu.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "plot-menu");
        menu.setTooltip(new Tooltip("Export"));
        header.getChildren().addAll(spacer, menu);
        header.setAlignment(Pos.CENTER_LEFT);
        card.getChildren().addAll(header, chart);
        card.getStyleClass().add("plot-card");
        return card;
    }

    private static String latestText(PlotSeries series) {
        for (int i = series.size() - 1; i >= 0; i--) {
            if (!Double.isNaN(series.value(i))) {
                return "latest " + AxisTicks.exact(series.value(i)) + " · " + String.format(Locale.ENGLISH, "%,d",
                        series.valueCount()) + " point" + (series.valueCount() == 1 ? "" : "s");
            }
        }
        return "no values";
    }

    private static javafx.scene.image.Image snapshot(Node card) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(javafx.scene.paint.Color.TRANSPARENT);
        var background = card.getScene() == null ? null : card.getScene().getFill();
        if (background instanceof javafx.scene.paint.Color c) {
            params.setFill(c);
        }
        return card.snapshot(params, null);
    }

    private void choose(PlotSeries series, String extension, String kind,
                        java.util.function.Function<Path, java.util.concurrent.CompletableFuture<Path>> write) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + series.title());
        chooser.setInitialFileName(fileName(model.assetKeyProperty().get(), series.key()) + "." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, "*." + extension));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            status.setText("Saving…");
            write.apply(file.toPath()).whenComplete((saved, failure) -> Platform.runLater(() -> status.setText(
                    failure == null ? "Saved " + saved.getFileName()
                            : "Could not save " + file.getName() + ": " + rootMessage(failure))));
        }
    }

    /** A file name from an asset key and a series key: letters, digits, '-', '_' and '.' only. */
    static String fileName(String assetKey, String seriesKey) {
        String name = (assetKey == null ? "asset" : assetKey) + "-" + seriesKey.replace("cairn:", "");
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    /** "Reading the history…", and a spinner once the read has taken a while. */
    private Node reading() {
        Label text = new Label("Reading the history…");
        text.getStyleClass().add("placeholder-text");
        VBox box = new VBox(10, text);
        box.setAlignment(Pos.CENTER);
        spinnerDelay.setOnFinished(e -> {
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.setPrefSize(28, 28);
            box.getChildren().add(0, spinner);
        });
        spinnerDelay.playFromStart();
        return box;
    }

    private void updatePlaceholder() {
        spinnerDelay.stop();
        AssetPlots plots = model.plotsProperty().get();
        Node content;
        if (model.errorProperty().get() != null) {
            content = message("Cannot show the plots", model.errorProperty().get());
        } else if (plots == null && model.loadingProperty().get()) {
            content = reading();
        } else if (plots == null) {
            content = message("No asset", "Choose an asset to see its plots.");
        } else if (plots.size() == 0) {
            content = message("No materializations yet",
                    "Materialize " + plots.assetKey() + " to chart its numeric metadata and durations.");
        } else {
            content = null;
        }
        placeholder.getChildren().setAll(content == null ? List.of() : List.of(content));
        placeholder.setVisible(content != null);
        scroll.setVisible(content == null);
    }

    private static Node message(String heading, String text) {
        Label t = new Label(heading);
        t.getStyleClass().add("placeholder-title");
        Label s = new Label(text);
        s.getStyleClass().add("placeholder-text");
        s.setWrapText(true);
        VBox box = new VBox(4, t, s);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(460);
        box.setPadding(new Insets(16));
        return box;
    }
}
