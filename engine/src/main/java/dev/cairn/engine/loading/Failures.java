package dev.cairn.engine.loading;

import java.util.ServiceConfigurationError;

/** Describes throwables from user code in one line a user can act on. */
final class Failures {

    private Failures() {
    }

    /**
     * The throwable's type and message, its root cause's, and the line of the user's code it came
     * from, for example {@code "java.io.IOException: no config (at com.x.Defs.define(Defs.java:12))"}.
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
        for (StackTraceElement frame : root.getStackTrace()) {
            if (JarClassLoader.isJarLoaderName(frame.getClassLoaderName())) {
                sb.append(" (at ").append(frame.getClassName()).append('.').append(frame.getMethodName())
                        .append('(').append(frame.getFileName()).append(':').append(frame.getLineNumber()).append("))");
                break;
            }
        }
        return sb.toString();
    }

    /** A hint for failures that usually mean a missing dependency, else empty. */
    static String hint(Throwable e) {
        return e instanceof NoClassDefFoundError || e instanceof ClassNotFoundException
                ? " (a type it uses is neither in the jar nor in its dependencies: add the missing dependency jar)"
                : "";
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (e instanceof ServiceConfigurationError && message != null) {
            // ServiceLoader prefixes every message with the service's name, which is always the same here.
            String prefix = dev.cairn.api.DefinitionsProvider.class.getName() + ": ";
            return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        }
        return e.getClass().getName() + (message == null ? "" : ": " + message.strip().replace('\n', ' '));
    }
}
