package dev.cairn.engine.storage.memory;

import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.EventLogContract;

class InMemoryEventLogTest extends EventLogContract {

    @Override
    protected EventLog newLog() {
        return new InMemoryEventLog();
    }
}
