package dev.cairn.engine.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.definitions.ParameterBinding;
import dev.cairn.engine.definitions.ResourceDescriber;

/**
 * Before a run starts: every environment variable without a default that the planned steps' resources
 * and IO managers (their own and their upstreams') read must be set, so that a run never fails halfway
 * for want of one.
 */
final class EnvironmentCheck {

    private EnvironmentCheck() {
    }

    /**
     * @throws MissingEnvironmentException naming every resource and variable that is missing
     */
    static void require(ExecutionPlan plan, LoadedDefinitions definitions, AssetGraph graph) {
        // What each used resource or IO manager is needed by, in plan order.
        Map<String, Set<String>> resources = new LinkedHashMap<>();
        Map<String, Set<String>> ioManagers = new LinkedHashMap<>();
        for (ExecutionPlan.Step step : plan.steps()) {
            if (step.kind() != ExecutionPlan.Kind.MATERIALIZE) {
                continue;
            }
            AssetSpec spec = graph.require(step.assetKey());
            ioManagers.computeIfAbsent(spec.ioManagerKey(), k -> new LinkedHashSet<>()).add(spec.key());
            List<ParameterBinding> params = spec.parameters();
            Class<?>[] types = definitions.function(spec.key()).method().getParameterTypes();
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i) instanceof ParameterBinding.UpstreamInput in && graph.contains(in.assetKey())) {
                    ioManagers.computeIfAbsent(graph.require(in.assetKey()).ioManagerKey(), k -> new LinkedHashSet<>())
                            .add(spec.key());
                } else if (params.get(i) instanceof ParameterBinding.Resource r) {
                    ResourceLookup.key(definitions.resources(), r, types[i])
                            .ifPresent(key -> resources.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(spec.key()));
                }
            }
        }
        List<MissingEnvironmentException.Missing> missing = new ArrayList<>();
        resources.forEach((key, neededBy) -> ResourceDescriber.missingEnvVars(definitions.resources().get(key))
                .forEach(variable -> missing.add(new MissingEnvironmentException.Missing(
                        "resource", key, variable, List.copyOf(neededBy)))));
        ioManagers.forEach((key, neededBy) -> {
            Object io = definitions.ioManagers().get(key);
            if (io != null) {
                ResourceDescriber.missingEnvVars(io).forEach(variable -> missing.add(new MissingEnvironmentException.Missing(
                        "IO manager", key, variable, List.copyOf(neededBy))));
            }
        });
        if (!missing.isEmpty()) {
            throw new MissingEnvironmentException(missing);
        }
    }
}
