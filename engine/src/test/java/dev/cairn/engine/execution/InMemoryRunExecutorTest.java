package dev.cairn.engine.execution;

import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.memory.InMemoryEventLog;

/** The executor's contract, recorded in the in-memory event log that {@link dev.cairn.api.Materialize} uses. */
class InMemoryRunExecutorTest extends RunExecutorContract {

    @Override
    protected EventLog newEventLog() {
        return new InMemoryEventLog();
    }
}
