package dev.cairn.engine.execution;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cairn.engine.definitions.ParameterBinding;

/** Which registered resource a parameter receives: by its key, else the one resource of its type. */
final class ResourceLookup {

    private ResourceLookup() {
    }

    /** The key of the resource a parameter receives, or empty when none or several match. */
    static Optional<String> key(Map<String, Object> resources, ParameterBinding.Resource binding, Class<?> parameterClass) {
        if (binding.resourceKey() != null) {
            return resources.containsKey(binding.resourceKey()) ? Optional.of(binding.resourceKey()) : Optional.empty();
        }
        Class<?> type = parameterClass.isPrimitive()
                ? java.lang.invoke.MethodType.methodType(parameterClass).wrap().returnType() : parameterClass;
        List<String> matches = resources.entrySet().stream().filter(e -> type.isInstance(e.getValue()))
                .map(Map.Entry::getKey).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
