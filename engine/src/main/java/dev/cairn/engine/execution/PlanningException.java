package dev.cairn.engine.execution;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A run refused to start because some upstream it would read was never materialized. The message
 * names each such upstream and a selection that includes it.
 */
public final class PlanningException extends IllegalStateException {

    private final transient List<MissingUpstream> missing;

    PlanningException(List<MissingUpstream> missing) {
        super(message(missing));
        this.missing = List.copyOf(missing);
    }

    /**
     * An unselected upstream that has no stored value.
     *
     * @param assetKey the upstream
     * @param neededBy the selected assets that read it
     * @param suggestion a selection that includes it, for example {@code +topstories}
     */
    public record MissingUpstream(String assetKey, List<String> neededBy, String suggestion) {
        public MissingUpstream {
            neededBy = List.copyOf(neededBy);
        }
    }

    /** Every missing upstream. */
    public List<MissingUpstream> missing() {
        return missing;
    }

    private static String message(List<MissingUpstream> missing) {
        return "Cannot start the run: " + (missing.size() == 1 ? "an upstream asset was" : missing.size()
                + " upstream assets were") + " never materialized and " + (missing.size() == 1 ? "is" : "are")
                + " not selected:\n" + missing.stream()
                .map(m -> "  - '" + m.assetKey() + "', needed by " + m.neededBy().stream()
                        .map(k -> "'" + k + "'").collect(Collectors.joining(", "))
                        + ": select `" + m.suggestion() + "` to include it")
                .collect(Collectors.joining("\n"));
    }
}
