package dev.cairn.engine.loading;

/** Describes throwables from user code in one line a user can act on. */
final class Failures {

    private Failures() {
    }

    /**
     * The throwable's type and message, followed by its root cause's and the frame it was thrown
     * from, for example {@code "IllegalStateException: no config (at com.x.Defs.define(Defs.java:12))"}.
     */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(oneLine(e));
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e) {
            sb.append(", caused by ").append(oneLine(root));
        }
        StackTraceElement[] frames = root.getStackTrace();
        if (frames.length > 0) {
            sb.append(" (at ").append(frames[0]).append(')');
        }
        return sb.toString();
    }

    /** A hint for failures that usually mean a missing dependency, else empty. */
    static String hint(Throwable e) {
        return e instanceof NoClassDefFoundError || e instanceof ClassNotFoundException || e instanceof TypeNotPresentException
                ? " (a type it uses is neither in the jar nor in its dependencies: add the missing dependency jar)"
                : "";
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getName() + (message == null ? "" : ": " + message.strip().replace('\n', ' '));
    }
}
