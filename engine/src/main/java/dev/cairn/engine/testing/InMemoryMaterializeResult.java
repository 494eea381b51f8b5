package dev.cairn.engine.testing;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import dev.cairn.api.Materialization;
import dev.cairn.api.MaterializeResult;
import dev.cairn.api.RunEvent;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.execution.RunResult;

/** What {@link InMemoryMaterializer} hands back: read from the run's events and the values stored. */
final class InMemoryMaterializeResult implements MaterializeResult {

    private final RunResult result;
    private final List<Event> events;
    private final Map<String, Optional<Object>> outputs;

    InMemoryMaterializeResult(RunResult result, List<Event> events, Map<String, Optional<Object>> outputs) {
        this.result = result;
        this.events = List.copyOf(events);
        this.outputs = Map.copyOf(outputs);
    }

    @Override
    public boolean success() {
        return result.success();
    }

    @Override
    public Optional<Object> output(String assetKey) {
        return outputs.getOrDefault(assetKey, Optional.empty());
    }

    @Override
    public <T> T output(String assetKey, Class<T> type) {
        Object value = output(assetKey).orElseThrow(() -> new NoSuchElementException("asset '" + assetKey
                + "' produced no value in this run" + failure(assetKey).map(f -> "; it failed: " + firstLine(f)).orElse("")));
        if (!type.isInstance(value)) {
            throw new ClassCastException("the value of asset '" + assetKey + "' is a " + value.getClass().getName()
                    + ", not a " + type.getName());
        }
        return type.cast(value);
    }

    @Override
    public Optional<Materialization> materialization(String assetKey) {
        return events.stream()
                .filter(e -> e.type() == EventType.ASSET_MATERIALIZATION && assetKey.equals(e.assetKey()))
                .reduce((first, second) -> second)
                .map(e -> {
                    EventData.Materialized m = (EventData.Materialized) e.data();
                    return new Materialization(e.assetKey(), e.partitionKey(), e.runId(), e.id(), e.timestamp(),
                            m.codeVersion(), m.dataVersion(), m.metadata());
                });
    }

    @Override
    public Optional<String> failure(String assetKey) {
        return events.stream()
                .filter(e -> e.type() == EventType.STEP_FAILURE && assetKey.equals(e.assetKey()))
                .reduce((first, second) -> second)
                .map(e -> ((EventData.StepFailed) e.data()).error().stackTrace());
    }

    @Override
    public List<String> logs(String assetKey) {
        return events.stream()
                .filter(e -> e.type() == EventType.LOG && assetKey.equals(e.assetKey()))
                .map(Event::message).toList();
    }

    @Override
    public List<RunEvent> events() {
        return events.stream().map(e -> new RunEvent(e.type().name(), e.assetKey(), e.timestamp(), e.message())).toList();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).trim();
    }

    @Override
    public String toString() {
        return "MaterializeResult[" + result.run().status() + ", steps=" + result.steps() + "]";
    }
}
