package dev.cairn.engine.definitions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything Cairn knows about one asset without running it: a pure value, so that a snapshot of
 * the definitions can cross process boundaries (worker to app) as JSON.
 *
 * @param key the asset key
 * @param group the group; never empty ("default" when the user gave none)
 * @param description possibly empty
 * @param codeVersion the code version, or {@code null} when unknown
 * @param ioManagerKey the IO manager that stores (or, for a source, loads) it
 * @param kind computed asset or source asset
 * @param observable for a source asset: whether it has an observer
 * @param parameters how each parameter of the compute function is bound, in order
 * @param nonLoadingDeps upstreams declared with {@code deps}, not loaded
 * @param tags tags by key
 * @param owners owners
 * @param retry the retry policy
 * @param className the declaring class ({@code null} for a source asset without observer)
 * @param methodName the compute method ({@code null} for a source asset without observer)
 * @param valueType the declared return type as Java writes it, for display
 */
public record AssetSpec(
        String key,
        String group,
        String description,
        String codeVersion,
        String ioManagerKey,
        Kind kind,
        boolean observable,
        List<ParameterBinding> parameters,
        List<String> nonLoadingDeps,
        Map<String, String> tags,
        List<String> owners,
        RetrySpec retry,
        String className,
        String methodName,
        String valueType) {

    /** Whether Cairn computes the asset or only reads it. */
    public enum Kind { ASSET, SOURCE }

    /** The group of assets declared without one. */
    public static final String DEFAULT_GROUP = "default";

    /** The key of the IO manager used when an asset names none. */
    public static final String DEFAULT_IO_MANAGER = "io_manager";

    public AssetSpec {
        parameters = List.copyOf(parameters);
        nonLoadingDeps = List.copyOf(nonLoadingDeps);
        tags = Map.copyOf(tags);
        owners = List.copyOf(owners);
        if (group == null || group.isEmpty()) {
            group = DEFAULT_GROUP;
        }
        if (description == null) {
            description = "";
        }
        if (codeVersion != null && codeVersion.isEmpty()) {
            codeVersion = null;
        }
    }

    /** The upstream keys whose values are loaded, in parameter order. */
    public List<String> loadedUpstreams() {
        List<String> keys = new ArrayList<>();
        for (ParameterBinding p : parameters) {
            if (p instanceof ParameterBinding.UpstreamInput in) {
                keys.add(in.assetKey());
            }
        }
        return keys;
    }

    /** Every upstream key: loaded inputs first, then non-loading deps, without duplicates. */
    public Set<String> upstreams() {
        Set<String> all = new LinkedHashSet<>(loadedUpstreams());
        all.addAll(nonLoadingDeps);
        return all;
    }

    /** True for a source asset. */
    public boolean isSource() {
        return kind == Kind.SOURCE;
    }

    /** Where the asset is defined, as "Class.method", or empty for a declared source. */
    public String location() {
        return className == null ? "" : className + "." + methodName;
    }
}
