package dev.cairn.app.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * What the app remembers between starts.
 *
 * @param lastJar the jar open when the app last closed, or null
 * @param recentJars recently opened jars, most recent first
 * @param window the main window's bounds, or null before the first close
 * @param graphDivider the position of the divider between the graph and the details panel (0..1)
 * @param runPanelDivider the position of the divider above the run panel (0..1)
 * @param runListDivider the position of the divider between the run list and the run's log (0..1)
 * @param dark whether the dark theme is on
 */
public record AppSettings(String lastJar, List<String> recentJars, WindowBounds window, double graphDivider,
                          double runPanelDivider, double runListDivider, boolean dark) {

    /** How many recent jars are kept. */
    public static final int MAX_RECENT = 10;

    public AppSettings {
        recentJars = recentJars == null ? List.of() : List.copyOf(recentJars);
        graphDivider = clampOr(graphDivider, 0.74);
        runPanelDivider = clampOr(runPanelDivider, 0.66);
        runListDivider = clampOr(runListDivider, 0.27);
    }

    /** The settings of a first start. */
    public static AppSettings defaults() {
        return new AppSettings(null, List.of(), null, 0.74, 0.66, 0.27, false);
    }

    private static double clampOr(double value, double fallback) {
        return value > 0.05 && value < 0.95 ? value : fallback;
    }

    /** With {@code jar} as the last and most recent jar. */
    public AppSettings withOpened(String jar) {
        List<String> recent = new ArrayList<>(recentJars);
        recent.remove(jar);
        recent.add(0, jar);
        return new AppSettings(jar, recent.subList(0, Math.min(MAX_RECENT, recent.size())), window, graphDivider,
                runPanelDivider, runListDivider, dark);
    }

    /** Without {@code jar} in the recent list (it no longer exists). */
    public AppSettings withoutRecent(String jar) {
        List<String> recent = new ArrayList<>(recentJars);
        recent.remove(jar);
        return new AppSettings(jar.equals(lastJar) ? null : lastJar, recent, window, graphDivider, runPanelDivider,
                runListDivider, dark);
    }

    /** With the window's bounds and the dividers' positions. */
    public AppSettings withLayout(WindowBounds newWindow, double newGraphDivider, double newRunPanelDivider,
                                  double newRunListDivider) {
        return new AppSettings(lastJar, recentJars, newWindow, newGraphDivider, newRunPanelDivider, newRunListDivider,
                dark);
    }

    /** With the theme. */
    public AppSettings withDark(boolean newDark) {
        return new AppSettings(lastJar, recentJars, window, graphDivider, runPanelDivider, runListDivider, newDark);
    }

    /**
     * A window's position and size.
     *
     * @param x left edge
     * @param y top edge
     * @param width width
     * @param height height
     * @param maximized whether it was maximized (the bounds are then those before maximizing)
     */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) { }
}
