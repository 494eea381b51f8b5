package dev.cairn.app.graph.view;

import dev.cairn.app.graph.model.NodeBadge;
import javafx.scene.paint.Color;

import java.util.List;

/**
 * The colours of the graph canvas. The two built-in themes take their values from AtlantaFX's Primer
 * Light and Primer Dark semantic tokens ({@code -color-bg-subtle}, {@code -color-fg-muted},
 * {@code -color-accent-fg}, ...) so the canvas matches the rest of the app.
 *
 * @param dark           true for a dark theme
 * @param background     canvas background
 * @param gridDot        dots of the background grid
 * @param nodeFill       node body
 * @param nodeBorder     node outline
 * @param nodeShadow     soft shadow under nodes
 * @param text           node labels
 * @param mutedText      subtitles and secondary text
 * @param edge           edges
 * @param accent         selection, hover and lineage highlight
 * @param selectionFill  body of selected nodes and the rubber band
 * @param groupPalette   colours cycled through by group
 * @param fresh          badge colour of {@link NodeBadge#FRESH}
 * @param stale          badge colour of {@link NodeBadge#STALE}
 * @param running        badge colour of {@link NodeBadge#RUNNING}
 * @param failed         badge colour of {@link NodeBadge#FAILED}
 * @param missing        badge colour of {@link NodeBadge#MISSING}
 * @param source         badge colour of {@link NodeBadge#SOURCE}
 * @param overlayFill    minimap panel
 * @param overlayBorder  minimap panel outline
 */
public record GraphTheme(boolean dark, Color background, Color gridDot, Color nodeFill, Color nodeBorder,
                         Color nodeShadow, Color text, Color mutedText, Color edge, Color accent,
                         Color selectionFill, List<Color> groupPalette, Color fresh, Color stale, Color running,
                         Color failed, Color missing, Color source, Color overlayFill, Color overlayBorder) {

    public GraphTheme {
        groupPalette = List.copyOf(groupPalette);
        if (groupPalette.isEmpty()) {
            throw new IllegalArgumentException("The group palette needs at least one colour");
        }
    }

    /** Primer Light. */
    public static GraphTheme primerLight() {
        return new GraphTheme(false,
                Color.web("#f6f8fa"), Color.web("#d0d7de"), Color.web("#ffffff"), Color.web("#d0d7de"),
                Color.rgb(31, 35, 40, 0.06), Color.web("#24292f"), Color.web("#57606a"), Color.web("#8c959f"),
                Color.web("#0969da"), Color.web("#ddf4ff"),
                List.of(Color.web("#0969da"), Color.web("#8250df"), Color.web("#1b7c83"), Color.web("#bc4c00"),
                        Color.web("#bf3989"), Color.web("#1a7f37"), Color.web("#9a6700"), Color.web("#4258c9")),
                Color.web("#1a7f37"), Color.web("#bf8700"), Color.web("#0969da"), Color.web("#cf222e"),
                Color.web("#8c959f"), Color.web("#8250df"),
                Color.rgb(255, 255, 255, 0.94), Color.web("#d0d7de"));
    }

    /** Primer Dark. */
    public static GraphTheme primerDark() {
        return new GraphTheme(true,
                Color.web("#0d1117"), Color.web("#21262d"), Color.web("#161b22"), Color.web("#30363d"),
                Color.rgb(1, 4, 9, 0.5), Color.web("#c9d1d9"), Color.web("#8b949e"), Color.web("#484f58"),
                Color.web("#58a6ff"), Color.rgb(56, 139, 253, 0.15),
                List.of(Color.web("#58a6ff"), Color.web("#a371f7"), Color.web("#39c5cf"), Color.web("#f0883e"),
                        Color.web("#db61a2"), Color.web("#3fb950"), Color.web("#d29922"), Color.web("#8b98f9")),
                Color.web("#3fb950"), Color.web("#d29922"), Color.web("#58a6ff"), Color.web("#f85149"),
                Color.web("#6e7681"), Color.web("#a371f7"),
                Color.rgb(22, 27, 34, 0.94), Color.web("#30363d"));
    }

    /** The colour of a group, by the group's index. */
    public Color groupColor(int group) {
        return groupPalette.get(Math.floorMod(group, groupPalette.size()));
    }

    /** The colour of a badge. */
    public Color badgeColor(NodeBadge badge) {
        return switch (badge) {
            case FRESH -> fresh;
            case STALE -> stale;
            case RUNNING -> running;
            case FAILED -> failed;
            case MISSING -> missing;
            case SOURCE -> source;
            case UNKNOWN -> mutedText;
        };
    }
}
