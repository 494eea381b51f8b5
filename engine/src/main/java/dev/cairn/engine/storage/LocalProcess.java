package dev.cairn.engine.storage;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The pid and host name to record in a {@link RunRecord}, so that a later process can tell whether
 * the run's process is still alive ({@link EventLog#failOrphanedRuns()}). Use these rather than
 * another way to name the host, or orphaned runs will not be recognised.
 */
public final class LocalProcess {

    private LocalProcess() { }

    /** This process's pid. */
    public static long pid() {
        return ProcessHandle.current().pid();
    }

    /** This machine's host name, or "localhost" when it has none that resolves. */
    public static String host() {
        return HostName.VALUE;
    }

    /** Whether a run recorded with this host name ran on this machine. */
    public static boolean isThisHost(String host) {
        return host == null || host.isBlank() || host.equalsIgnoreCase(host());
    }

    /** Looked up once: the lookup can take seconds on a badly configured network. */
    private static final class HostName {
        static final String VALUE = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
    }
}
