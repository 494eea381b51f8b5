package dev.cairn.app.details;

import java.util.Objects;

import dev.cairn.app.charts.PlotsView;
import javafx.scene.Node;

/**
 * The Plots tab: the asset's numeric metadata and durations over its materializations. The plots
 * are read again only when another asset is shown or a new materialization was recorded, since an
 * asset may have a hundred thousand of them.
 */
public final class PlotsTab implements DetailsTab {

    private final PlotsView view;
    private ShownAsset.Latest plotted;

    public PlotsTab(PlotsView view) {
        this.view = Objects.requireNonNull(view, "view");
        // The details pane's header already names the asset.
        view.setTitleShown(false);
    }

    @Override
    public String title() {
        return "Plots";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void show(ShownAsset asset) {
        if (!asset.latest().equals(plotted)) {
            plotted = asset.latest();
            view.show(asset.key());
        }
    }
}
