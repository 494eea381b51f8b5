package dev.cairn.app.details;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.cairn.api.MetadataValue;
import dev.cairn.app.details.metadata.MetadataContext;
import dev.cairn.app.details.metadata.MetadataViews;
import dev.cairn.app.format.Formats;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.storage.MaterializationRecord;
import dev.cairn.engine.storage.ObservationRecord;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The asset's latest materialization (or, for a source, observation): when, which run, how long,
 * its versions and inputs, and every metadata entry drawn by its type.
 */
final class LatestTab implements DetailsTab {

    private final AssetRecords records;
    private final Clock clock;
    private final MetadataContext context;
    private final Consumer<String> showRun;
    private final Supplier<Path> imageFallback;
    private final VBox content = new VBox(14);
    private final ScrollPane view = DetailsPanel.scrolling(content, "latestContent");
    private ShownAsset.Latest shown;
    private long generation;

    /** What one read found, prepared off the JavaFX thread. */
    private record Loaded(MaterializationRecord materialization, ObservationRecord observation,
                          MetadataViews.Prepared metadata) { }

    LatestTab(AssetRecords records, Clock clock, MetadataContext context, Consumer<String> showRun,
              Supplier<Path> imageFallback) {
        this.records = Objects.requireNonNull(records);
        this.clock = Objects.requireNonNull(clock);
        this.context = Objects.requireNonNull(context);
        this.showRun = Objects.requireNonNull(showRun);
        this.imageFallback = Objects.requireNonNull(imageFallback);
    }

    @Override
    public String title() {
        return "Latest";
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
        long gen = ++generation;
        if (!sameAsset) {
            content.getChildren().setAll(muted("Reading the latest materialization…"));
        }
        String key = asset.key();
        Path fallback = imageFallback.get();
        CompletableFuture<Loaded> read = asset.spec().isSource()
                ? records.latestObservation(key).thenApplyAsync(o -> new Loaded(null, o.orElse(null),
                        o.map(x -> MetadataViews.prepare(x.data().metadata(), MetadataContext.imageBase(x.data().metadata(), fallback)))
                                .orElse(MetadataViews.Prepared.EMPTY)))
                : records.latestMaterialization(key).thenApplyAsync(m -> new Loaded(m.orElse(null), null,
                        m.map(x -> MetadataViews.prepare(x.data().metadata(), MetadataContext.imageBase(x.data().metadata(), fallback)))
                                .orElse(MetadataViews.Prepared.EMPTY)));
        read.whenComplete((loaded, failure) -> Platform.runLater(() -> {
            if (gen != generation) {
                return;
            }
            double scroll = view.getVvalue();
            if (failure != null) {
                content.getChildren().setAll(muted("Cannot read the latest materialization: " + message(failure)));
            } else {
                render(asset, loaded);
            }
            view.layout();
            view.setVvalue(sameAsset ? scroll : 0);
        }));
    }

    private void render(ShownAsset asset, Loaded loaded) {
        content.getChildren().clear();
        Instant now = clock.instant();
        if (loaded.materialization() == null && loaded.observation() == null) {
            content.getChildren().add(muted(asset.spec().isSource()
                    ? "Never observed." + (asset.spec().observable() ? "" : " This source has no observer.")
                    : "Never materialized. Materialize it to see what it produces here."));
            return;
        }
        GridPane grid = DetailsPanel.grid();
        int r = 0;
        Instant at;
        String runId;
        if (loaded.materialization() != null) {
            MaterializationRecord m = loaded.materialization();
            EventData.Materialized data = m.data();
            at = m.timestamp();
            runId = m.runId();
            DetailsPanel.row(grid, r++, "When", DetailsPanel.text(MetadataViews.timestamp(at, clock.getZone())
                    + "  (" + Formats.ago(at, now, clock.getZone()) + ")"));
            DetailsPanel.row(grid, r++, "Run", runLink(runId));
            DetailsPanel.row(grid, r++, "Duration", DetailsPanel.text(Formats.duration(Duration.ofMillis(data.durationMillis()))));
            DetailsPanel.row(grid, r++, "Data version", version(data.dataVersion(), dataVersionSource(data.dataVersionSource())));
            DetailsPanel.row(grid, r++, "Code version", version(data.codeVersion(), null));
            if (m.partitionKey() != null) {
                DetailsPanel.row(grid, r++, "Partition", DetailsPanel.text(m.partitionKey()));
            }
            if (!data.inputs().isEmpty()) {
                DetailsPanel.row(grid, r, "Inputs", inputs(data.inputs()));
            }
        } else {
            ObservationRecord o = loaded.observation();
            at = o.timestamp();
            runId = o.runId();
            DetailsPanel.row(grid, r++, "Observed", DetailsPanel.text(MetadataViews.timestamp(at, clock.getZone())
                    + "  (" + Formats.ago(at, now, clock.getZone()) + ")"));
            DetailsPanel.row(grid, r++, "Run", runLink(runId));
            DetailsPanel.row(grid, r, "Data version", version(o.data().dataVersion(), null));
        }
        content.getChildren().add(grid);
        content.getChildren().add(metadata(loaded.metadata()));
    }

    private Node metadata(MetadataViews.Prepared prepared) {
        VBox box = new VBox(12);
        box.setId("latestMetadata");
        if (prepared.entries().isEmpty()) {
            box.getChildren().add(muted("No metadata."));
            return DetailsPanel.section("Metadata", box);
        }
        GridPane simple = DetailsPanel.grid();
        int r = 0;
        for (String key : prepared.orderedKeys()) {
            MetadataValue value = prepared.entries().get(key);
            if (MetadataViews.isRich(value)) {
                Label name = new Label(key);
                name.getStyleClass().add("details-subheading");
                VBox entry = new VBox(6, name, MetadataViews.render(prepared, key, context));
                entry.getStyleClass().add("metadata-entry");
                entry.setUserData(key);
                box.getChildren().add(entry);
            } else {
                Node v = MetadataViews.render(prepared, key, context);
                v.setUserData(key);
                DetailsPanel.row(simple, r++, key, v);
            }
        }
        if (r > 0) {
            box.getChildren().add(0, simple);
        }
        return DetailsPanel.section("Metadata", box);
    }

    private Node runLink(String runId) {
        Hyperlink run = new Hyperlink(Formats.shortRunId(runId));
        run.setId("latestRun");
        run.getStyleClass().add("details-link");
        run.setOnAction(e -> showRun.accept(runId));
        return run;
    }

    private Node inputs(Map<String, EventData.InputVersion> inputs) {
        VBox box = new VBox(2);
        inputs.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(in -> {
            Hyperlink link = new Hyperlink(in.getKey());
            link.getStyleClass().add("details-link");
            link.setOnAction(e -> context.revealAsset().accept(in.getKey()));
            String v = in.getValue().dataVersion();
            Label version = new Label(v == null ? "no data version" : "data version " + abbreviate(v));
            version.getStyleClass().add("details-code");
            FlowPane row = new FlowPane(4, 0, link, version);
            box.getChildren().add(row);
        });
        return box;
    }

    /** A version, shortened to 16 characters (all of it in the tooltip), and how it was obtained. */
    private static Node version(String version, String note) {
        if (version == null) {
            return DetailsPanel.muted("none");
        }
        Label l = DetailsPanel.text(abbreviate(version));
        l.getStyleClass().add("details-code");
        l.setTooltip(new Tooltip(version));
        if (note == null) {
            return l;
        }
        return new VBox(1, l, DetailsPanel.muted(note));
    }

    private static String dataVersionSource(EventData.DataVersionSource source) {
        if (source == null) {
            return null;
        }
        return switch (source) {
            case USER -> "given by the asset";
            case CONTENT_HASH -> "hash of the stored value, from its IO manager";
            case CODE_AND_INPUTS -> "from the code version and inputs";
            case UNIQUE -> "new in every run: no code version";
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 16 ? s : s.substring(0, 16) + "…";
    }

    private static Label muted(String text) {
        return DetailsPanel.muted(text);
    }

    private static String message(Throwable t) {
        Throwable cause = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
