package dev.cairn.engine.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.api.IOManager;
import dev.cairn.api.SourceAsset;
import dev.cairn.engine.definitions.DefinitionsAssembler;
import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.io.InMemoryIOManager;

/** Builds valid definitions from test asset classes, with an in-memory default IO manager unless told otherwise. */
final class TestDefinitions {

    private final List<Class<?>> classes = new ArrayList<>();
    private final Map<String, Object> resources = new LinkedHashMap<>();
    private final Map<String, IOManager> ioManagers = new LinkedHashMap<>();
    private final List<SourceAsset> sources = new ArrayList<>();
    private IOManager defaultIo = new InMemoryIOManager();

    static TestDefinitions of(Class<?>... assetClasses) {
        TestDefinitions d = new TestDefinitions();
        d.classes.addAll(List.of(assetClasses));
        return d;
    }

    TestDefinitions resource(String key, Object value) {
        resources.put(key, value);
        return this;
    }

    TestDefinitions ioManager(String key, IOManager io) {
        ioManagers.put(key, io);
        return this;
    }

    TestDefinitions defaultIo(IOManager io) {
        defaultIo = io;
        return this;
    }

    TestDefinitions source(SourceAsset source) {
        sources.add(source);
        return this;
    }

    LoadedDefinitions build() {
        DefinitionsAssembler assembler = new DefinitionsAssembler("test", null, Map.of("io_manager", defaultIo));
        resources.forEach(assembler.registry()::resource);
        ioManagers.forEach(assembler.registry()::ioManager);
        sources.forEach(assembler.registry()::sourceAsset);
        classes.forEach(assembler::addAssetClass);
        LoadedDefinitions defs = assembler.build(null);
        defs.requireGraph();
        return defs;
    }
}
