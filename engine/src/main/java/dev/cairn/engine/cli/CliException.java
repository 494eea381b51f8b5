package dev.cairn.engine.cli;

/** Bad input found by a command itself; its message is printed as the one-line reason. */
final class CliException extends RuntimeException {

    CliException(String message) {
        super(message);
    }

    /** Fails unless the graph has the asset, naming the closest keys when it does not. */
    static void requireAsset(dev.cairn.engine.definitions.AssetGraph graph, String key) {
        if (!graph.contains(key)) {
            java.util.List<String> close = dev.cairn.engine.definitions.Suggestions.closest(key, graph.assets().keySet(), 3);
            throw new CliException("no asset '" + key + "'"
                    + (close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)"));
        }
    }
}
