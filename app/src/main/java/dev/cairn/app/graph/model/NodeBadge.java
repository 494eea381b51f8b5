package dev.cairn.app.graph.model;

/** The state of an asset as the graph shows it, drawn as a coloured badge on the node. */
public enum NodeBadge {
    /** Never materialized. */
    MISSING("Missing"),
    /** Materialized and up to date with its upstream assets and code. */
    FRESH("Fresh"),
    /** Materialized, but an upstream asset or the code changed since. */
    STALE("Stale"),
    /** Being materialized now. */
    RUNNING("Running"),
    /** The latest materialization failed. */
    FAILED("Failed"),
    /** An external source: observed, never materialized by Cairn. */
    SOURCE("Source"),
    /** Not known yet (the event log is still being opened) or not knowable (it cannot be opened). */
    UNKNOWN("Unknown");

    private final String label;

    NodeBadge(String label) {
        this.label = label;
    }

    /** The word shown next to the badge. */
    public String label() {
        return label;
    }
}
