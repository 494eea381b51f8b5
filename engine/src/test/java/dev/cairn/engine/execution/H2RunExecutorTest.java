package dev.cairn.engine.execution;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.h2.H2EventLog;

/** The executor's contract, recorded in a real H2 file as the app and the CLI record it. */
class H2RunExecutorTest extends RunExecutorContract {

    @TempDir
    Path dir;

    @Override
    protected EventLog newEventLog() {
        return H2EventLog.open(dir.resolve("eventlog"), H2EventLog.Mode.EXCLUSIVE);
    }
}
