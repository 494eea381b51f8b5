/**
 * What a jar defines, as values: {@link dev.cairn.engine.definitions.AssetSpec}s, jobs, resources
 * and every {@link dev.cairn.engine.definitions.Problem} found, gathered in a
 * {@link dev.cairn.engine.definitions.DefinitionsSnapshot} that can cross process boundaries.
 *
 * <p>{@link dev.cairn.engine.definitions.DefinitionsAssembler} reflects asset classes (calling no
 * user code), binds parameters to upstreams, resources and the context, and checks everything at
 * once. {@link dev.cairn.engine.definitions.LoadedDefinitions} adds the live objects a run needs,
 * and {@link dev.cairn.engine.definitions.AssetGraph} is the dependency graph.
 */
package dev.cairn.engine.definitions;
