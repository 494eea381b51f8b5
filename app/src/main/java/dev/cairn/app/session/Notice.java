package dev.cairn.app.session;

import java.util.Objects;

/**
 * A message for the banner above the graph.
 *
 * @param kind how it is shown
 * @param title a few words
 * @param text the details, possibly several lines; may be empty
 * @param sticky true if it stays until closed; others go away after a few seconds
 */
public record Notice(Kind kind, String title, String text, boolean sticky) {

    /** How a notice is shown. */
    public enum Kind { INFO, SUCCESS, WARNING, ERROR }

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        text = text == null ? "" : text;
    }
}
