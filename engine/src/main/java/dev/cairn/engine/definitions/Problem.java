package dev.cairn.engine.definitions;

/**
 * One thing wrong with a jar's definitions, located as precisely as is known.
 *
 * @param kind what sort of problem
 * @param assetKey the asset concerned, or {@code null}
 * @param className the class concerned, or {@code null}
 * @param methodName the method concerned, or {@code null}
 * @param message a sentence a user understands, naming what to change
 */
public record Problem(Kind kind, String assetKey, String className, String methodName, String message) {

    /** The sorts of problems the loader reports. */
    public enum Kind {
        NOT_A_JAR,
        CLASS_LOAD_FAILURE,
        NO_ASSETS,
        DUPLICATE_KEY,
        INVALID_KEY,
        UNKNOWN_UPSTREAM,
        CYCLE,
        UNSUPPORTED_SIGNATURE,
        MISSING_PARAMETER_NAMES,
        UNRESOLVED_RESOURCE,
        UNKNOWN_IO_MANAGER,
        PROVIDER_FAILURE,
        INVALID_JOB
    }

    /** The problem as one line: where, then what. */
    public String describe() {
        StringBuilder where = new StringBuilder();
        if (assetKey != null) {
            where.append("asset '").append(assetKey).append("'");
        }
        if (className != null) {
            if (where.length() > 0) {
                where.append(" ");
            }
            where.append("(").append(className);
            if (methodName != null) {
                where.append(".").append(methodName);
            }
            where.append(")");
        }
        return where.length() == 0 ? message : where + ": " + message;
    }
}
