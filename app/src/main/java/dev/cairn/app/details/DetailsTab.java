package dev.cairn.app.details;

import javafx.scene.Node;

/**
 * A tab of the details panel for one asset (Overview, Latest, History; charts plug in the same way):
 * {@link DetailsPanel#addTab} adds one.
 */
public interface DetailsTab {

    /** The tab's title. */
    String title();

    /** The tab's content; the same node for the tab's whole life. */
    Node view();

    /**
     * Shows an asset. Called on the JavaFX thread while the tab is selected, whenever the selected
     * asset or anything about it (status, latest materialization) changed, and when the tab is
     * selected again; a tab reloads only what changed, and reads the event log off the JavaFX thread.
     */
    void show(ShownAsset asset);
}
