package dev.cairn.engine.storage.h2;

import java.nio.file.Path;
import java.sql.SQLException;

import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

import dev.cairn.engine.storage.EventLogException;
import dev.cairn.engine.storage.EventLogException.Kind;

/** Turns H2's errors into {@link EventLogException}s a user can act on. */
final class H2Errors {

    private H2Errors() { }

    /**
     * The exception for an H2 error.
     *
     * @param database the log, without H2's file suffix
     * @param doing what Cairn was doing, e.g. "open" or "write to"
     */
    static EventLogException translate(Path database, String doing, SQLException e) {
        String file = dataFile(database);
        String h2 = firstLine(e.getMessage());
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> new EventLogException(Kind.IN_USE,
                    "the event log at " + file + " is in use by another Cairn process. Close the other Cairn "
                            + "window or wait for its run to end, then try again.", e);
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1 -> damaged(file, h2, e);
            case ErrorCode.WRONG_USER_OR_PASSWORD -> new EventLogException(Kind.NOT_AN_EVENT_LOG,
                    "the file " + file + " is an H2 database that Cairn did not create. Move it away, or choose "
                            + "another workspace.", e);
            case ErrorCode.CONNECTION_BROKEN_1 -> new EventLogException(Kind.FAILED,
                    "lost the connection to the Cairn process that shares the event log at " + file
                            + " (" + h2 + "). Try again; if it keeps failing, close the other Cairn process.", e);
            default -> isStoreCorruption(e) ? damaged(file, h2, e) : new EventLogException(Kind.FAILED,
                    "could not " + doing + " the event log at " + file + ": " + h2
                            + ". Check that the disk has space and that the folder is writable.", e);
        };
    }

    private static EventLogException damaged(String file, String detail, Throwable cause) {
        return new EventLogException(Kind.DAMAGED, "the event log at " + file + " is damaged: " + detail
                + ". Cairn has not changed it. Move it aside (or restore a backup) and Cairn will start a new, "
                + "empty log; the damaged file may still be inspected with H2's Recover tool.", cause);
    }

    /** The .mv.db file H2 keeps the log in, for messages. */
    static String dataFile(Path database) {
        return database + ".mv.db";
    }

    /** H2 reports some store failures as general errors wrapping the MVStore's own exception. */
    private static boolean isStoreCorruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MVStoreException store) {
                int code = store.getErrorCode();
                if (code == DataUtils.ERROR_FILE_CORRUPT || code == DataUtils.ERROR_CHUNK_NOT_FOUND
                        || code == DataUtils.ERROR_BLOCK_NOT_FOUND || code == DataUtils.ERROR_UNSUPPORTED_FORMAT) {
                    return true;
                }
            }
        }
        return false;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
