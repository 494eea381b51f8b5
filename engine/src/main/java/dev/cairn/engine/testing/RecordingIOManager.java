package dev.cairn.engine.testing;

import java.util.Map;
import java.util.Optional;

import dev.cairn.api.Configured;
import dev.cairn.api.IOManager;
import dev.cairn.api.InputContext;
import dev.cairn.api.OutputContext;

/**
 * Passes everything to another IO manager and remembers each value stored, for the test to inspect.
 * Shows the other's configuration, so that its environment variables are checked before a run.
 */
final class RecordingIOManager implements IOManager, Configured {

    private final IOManager delegate;
    private final Map<String, Optional<Object>> outputs;

    RecordingIOManager(IOManager delegate, Map<String, Optional<Object>> outputs) {
        this.delegate = delegate;
        this.outputs = outputs;
    }

    @Override
    public Record configuration() {
        return delegate instanceof Configured c ? c.configuration() : null;
    }

    @Override
    public void handleOutput(OutputContext context, Object value) throws Exception {
        delegate.handleOutput(context, value);
        outputs.put(context.assetKey(), Optional.ofNullable(value));
    }

    @Override
    public Object loadInput(InputContext context) throws Exception {
        return delegate.loadInput(context);
    }
}
