package dev.cairn.engine.selection;

import java.util.List;

/**
 * A selection that cannot be parsed, or that names an asset, group or tag that does not exist.
 * The message is meant for users as is; it names the closest existing names when there are any.
 */
public final class SelectionException extends IllegalArgumentException {

    private final int position;
    private final transient List<String> suggestions;

    /**
     * @param message the whole message
     * @param position where in the selection text the error is (0-based), or -1 when it is not a syntax error
     * @param suggestions the closest existing names, closest first; empty when none is close
     */
    public SelectionException(String message, int position, List<String> suggestions) {
        super(message);
        this.position = position;
        this.suggestions = List.copyOf(suggestions);
    }

    /** Where in the selection text the syntax error is (0-based), or -1 for errors that are not syntax errors. */
    public int position() {
        return position;
    }

    /** The closest existing names to the unknown one, closest first; empty when none is close. */
    public List<String> suggestions() {
        return suggestions;
    }
}
