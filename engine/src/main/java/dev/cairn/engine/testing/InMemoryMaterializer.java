package dev.cairn.engine.testing;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.cairn.api.Asset;
import dev.cairn.api.IOManager;
import dev.cairn.api.MaterializeResult;
import dev.cairn.api.SourceAsset;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.DefinitionsAssembler;
import dev.cairn.engine.definitions.InvalidDefinitionsException;
import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.execution.RunExecutor;
import dev.cairn.engine.execution.RunOptions;
import dev.cairn.engine.execution.RunResult;
import dev.cairn.engine.io.InMemoryIOManager;
import dev.cairn.engine.selection.AssetSelection;
import dev.cairn.engine.storage.memory.InMemoryEventLog;

/**
 * Runs {@link dev.cairn.api.Materialize} requests with the real executor, an in-memory event log
 * and, unless the test gives others, an in-memory IO manager under every key the assets name.
 *
 * <p>Upstream values the test provides become source assets read by an IO manager of their own
 * (key {@value #UPSTREAM_VALUES_IO_MANAGER}), so that they reach assets by parameter name whatever
 * IO manager the test registers as the default.
 */
public final class InMemoryMaterializer {

    /** The IO manager that holds the upstream values a test provides. */
    static final String UPSTREAM_VALUES_IO_MANAGER = "cairn_test_upstream_values";

    private InMemoryMaterializer() {
    }

    /**
     * See {@link dev.cairn.api.Materialize#run()}.
     *
     * @throws InvalidDefinitionsException listing every problem of the definitions
     * @throws IllegalArgumentException for a selection naming unknown assets
     * @throws dev.cairn.engine.execution.PlanningException if a selected asset reads an unselected
     *         upstream that is not provided
     */
    public static MaterializeResult run(List<Class<?>> assetClasses, Map<String, Object> resources,
                                        Map<String, IOManager> ioManagers, Map<String, Object> upstreamValues,
                                        String selection) {
        Map<String, Optional<Object>> outputs = new ConcurrentHashMap<>();
        IOManager inMemory = new RecordingIOManager(new InMemoryIOManager(), outputs);
        Map<String, IOManager> defaults = Map.of(AssetSpec.DEFAULT_IO_MANAGER, inMemory);
        // No provider runs in a unit test, so nothing asks for a workspace folder.
        DefinitionsAssembler assembler = new DefinitionsAssembler("unit test of " + names(assetClasses), null, defaults);
        resources.forEach(assembler.registry()::resource);
        ioManagers.forEach((key, io) -> assembler.registry().ioManager(key, new RecordingIOManager(io, outputs)));
        // Assets that name an IO manager the test does not give (a database in production) keep
        // their values in memory too, like every other asset of the test.
        namedIoManagers(assetClasses).stream()
                .filter(key -> !key.equals(AssetSpec.DEFAULT_IO_MANAGER) && !ioManagers.containsKey(key))
                .forEach(key -> assembler.registry().ioManager(key, inMemory));
        if (!upstreamValues.isEmpty()) {
            InMemoryIOManager provided = new InMemoryIOManager();
            upstreamValues.forEach(provided::seed);
            assembler.registry().ioManager(UPSTREAM_VALUES_IO_MANAGER, provided);
            upstreamValues.keySet().forEach(key -> assembler.registry().sourceAsset(
                    SourceAsset.of(key).ioManagerKey(UPSTREAM_VALUES_IO_MANAGER).description("provided by the test")));
        }
        assetClasses.forEach(assembler::addAssetClass);
        LoadedDefinitions definitions = assembler.build(null);
        if (!definitions.snapshot().isValid()) {
            throw new InvalidDefinitionsException(definitions.snapshot().problems());
        }
        Set<String> keys = AssetSelection.resolve(selection, definitions.requireGraph());
        try (InMemoryEventLog eventLog = new InMemoryEventLog()) {
            RunExecutor executor = new RunExecutor(definitions, eventLog);
            RunResult result = executor.start(executor.plan(keys), RunOptions.defaults(selection), List.of()).await();
            return new InMemoryMaterializeResult(result, eventLog.allEvents(), new LinkedHashMap<>(outputs));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the run", e);
        }
    }

    private static Set<String> namedIoManagers(List<Class<?>> assetClasses) {
        Set<String> keys = new TreeSet<>();
        for (Class<?> type : assetClasses) {
            for (Method method : type.getDeclaredMethods()) {
                Asset asset = method.getAnnotation(Asset.class);
                if (asset != null) {
                    keys.add(asset.ioManagerKey());
                }
            }
        }
        return keys;
    }

    private static String names(List<Class<?>> classes) {
        return String.join(", ", classes.stream().map(Class::getSimpleName).toList());
    }
}
