package dev.cairn.engine.storage.h2;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.EventLogContract;

class H2EventLogContractTest extends EventLogContract {

    @TempDir
    Path dir;

    @Override
    protected EventLog newLog() {
        return H2EventLog.open(dir.resolve("eventlog"), H2EventLog.Mode.EXCLUSIVE);
    }
}
