package dev.cairn.engine.definitions;

import java.io.Closeable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import dev.cairn.api.Asset;
import dev.cairn.api.AssetContext;
import dev.cairn.api.Definitions;
import dev.cairn.api.IOManager;
import dev.cairn.api.In;
import dev.cairn.api.Output;
import dev.cairn.api.ResourceKey;
import dev.cairn.api.SourceAsset;

/**
 * Turns asset classes and a provider's registrations into {@link LoadedDefinitions}, checking
 * everything at once: every problem is collected, none stops the others from being found.
 *
 * <p>Reading an asset class only reflects on it; no user method or constructor is called.
 * Parameters are bound in a second phase, once every asset key and resource is known: a
 * parameter is an upstream when its name (or {@link In}) is an asset key, otherwise a resource
 * when its {@link ResourceKey}, its type, or its name identifies exactly one resource.
 */
public final class DefinitionsAssembler {

    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9_.\\-/]+");

    private final String origin;
    private final Path workspace;
    private final List<Problem> problems = new ArrayList<>();
    private final List<RawAsset> rawAssets = new ArrayList<>();
    private final Set<Class<?>> seenClasses = new HashSet<>();
    /** Parameters already reported as unbindable, so the upstream they stand for is not reported again. */
    private final Set<String> reportedParameters = new HashSet<>();
    private final Registered registered = new Registered();
    private final Registry registry = new Registry(null);
    private final Map<String, IOManager> defaultIoManagers;

    /**
     * @param origin where the definitions come from (a jar path, or a description), for messages
     * @param workspace the workspace folder handed to providers
     * @param defaultIoManagers IO managers available unless the provider replaces them, by key
     */
    public DefinitionsAssembler(String origin, Path workspace, Map<String, IOManager> defaultIoManagers) {
        this.origin = origin;
        this.workspace = workspace;
        this.defaultIoManagers = new LinkedHashMap<>(defaultIoManagers);
    }

    /** The registry to hand to a {@link dev.cairn.api.DefinitionsProvider}. */
    public Definitions registry() {
        return registry;
    }

    /**
     * The registry to hand to one {@link dev.cairn.api.DefinitionsProvider}: what it registers
     * goes to the same definitions, and problems with its registrations (a key registered twice)
     * name {@code providerClassName}.
     */
    public Definitions registry(String providerClassName) {
        return new Registry(Objects.requireNonNull(providerClassName, "providerClassName"));
    }

    /** Classes a provider listed through {@link Definitions#assets(Class[])}, in order. */
    public List<Class<?>> explicitAssetClasses() {
        return List.copyOf(registered.assetClasses);
    }

    /** Records a problem found outside the assembler (for example a class that failed to load). */
    public void addProblem(Problem problem) {
        problems.add(problem);
    }

    /** Reads the {@link Asset} methods of a class; a class added twice is read once. */
    public void addAssetClass(Class<?> type) {
        if (!seenClasses.add(type)) {
            return;
        }
        Method[] methods;
        try {
            methods = type.getDeclaredMethods();
        } catch (LinkageError e) {
            problems.add(new Problem(Problem.Kind.CLASS_LOAD_FAILURE, null, type.getName(), null,
                    "class cannot be linked: " + e));
            return;
        }
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method m : methods) {
            Asset asset;
            try {
                asset = m.getAnnotation(Asset.class);
            } catch (RuntimeException | LinkageError e) {
                problems.add(new Problem(Problem.Kind.CLASS_LOAD_FAILURE, null, type.getName(), m.getName(),
                        "annotations cannot be read: " + e));
                continue;
            }
            if (asset != null) {
                readAssetMethod(type, m, asset);
            }
        }
    }

    private void readAssetMethod(Class<?> type, Method m, Asset asset) {
        String key = asset.key().isEmpty() ? m.getName() : asset.key();
        String cls = type.getName();
        try {
            // Generic types are resolved lazily and fail only now when a type is missing; reading
            // them here keeps such an asset out before its key is counted.
            m.getGenericParameterTypes();
            m.getGenericReturnType();
            m.getTypeParameters();
        } catch (RuntimeException | LinkageError e) {
            problems.add(new Problem(Problem.Kind.CLASS_LOAD_FAILURE, key, cls, m.getName(),
                    "the method's signature cannot be read: " + e + (e.getCause() != null ? ", caused by " + e.getCause() : "")
                            + (e instanceof TypeNotPresentException || e instanceof NoClassDefFoundError
                                    ? " (a type it uses is neither in the jar nor in its dependencies)" : "")));
            return;
        }
        List<String> signatureProblems = new ArrayList<>();
        if (!Modifier.isPublic(m.getModifiers())) {
            signatureProblems.add("an @Asset method must be public");
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            signatureProblems.add("the class declaring an @Asset method must be public");
        }
        if (Modifier.isAbstract(m.getModifiers())) {
            signatureProblems.add("an @Asset method must not be abstract");
        }
        if (m.getTypeParameters().length > 0) {
            signatureProblems.add("an @Asset method must not declare type parameters");
        }
        if (!Modifier.isStatic(m.getModifiers())) {
            if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
                signatureProblems.add("an instance @Asset method needs a concrete class; make the method static");
            } else if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
                signatureProblems.add("an instance @Asset method cannot live in an inner class; make the class static");
            } else {
                try {
                    type.getConstructor();
                } catch (NoSuchMethodException e) {
                    signatureProblems.add("an instance @Asset method needs a public no-argument constructor in "
                            + type.getSimpleName() + ", or make the method static");
                }
            }
        }
        for (String s : signatureProblems) {
            problems.add(new Problem(Problem.Kind.UNSUPPORTED_SIGNATURE, key, cls, m.getName(), s));
        }
        if (!signatureProblems.isEmpty()) {
            return;
        }
        rawAssets.add(new RawAsset(key, asset, m));
    }

    /**
     * Checks everything and builds the definitions. The result always exists; when it has
     * problems, {@link LoadedDefinitions#requireGraph()} refuses to run it.
     *
     * @param classLoader closed with the definitions; may be {@code null}
     */
    public LoadedDefinitions build(Closeable classLoader) {
        Map<String, IOManager> ioManagers = new LinkedHashMap<>(defaultIoManagers);
        ioManagers.putAll(registered.ioManagers);

        // Keys first: binding parameters needs to know every asset key.
        Map<String, RawAsset> computed = new LinkedHashMap<>();
        Map<String, SourceAsset> sources = new LinkedHashMap<>();
        Set<String> duplicates = new HashSet<>();
        for (RawAsset raw : rawAssets) {
            if (!VALID_KEY.matcher(raw.key).matches()) {
                problems.add(new Problem(Problem.Kind.INVALID_KEY, raw.key, raw.method.getDeclaringClass().getName(),
                        raw.method.getName(), "asset keys may contain only letters, digits and _ . - /"));
                continue;
            }
            RawAsset previous = computed.putIfAbsent(raw.key, raw);
            if (previous != null) {
                duplicates.add(raw.key);
                problems.add(new Problem(Problem.Kind.DUPLICATE_KEY, raw.key, raw.method.getDeclaringClass().getName(),
                        raw.method.getName(), "the key is also defined by " + previous.method.getDeclaringClass().getName()
                        + "." + previous.method.getName()));
            }
        }
        for (SourceRegistration registration : registered.sourceAssets) {
            SourceAsset source = registration.source();
            if (!VALID_KEY.matcher(source.key()).matches()) {
                problems.add(new Problem(Problem.Kind.INVALID_KEY, source.key(), null, null,
                        "source asset keys may contain only letters, digits and _ . - /"));
            } else if (computed.containsKey(source.key()) || sources.containsKey(source.key())) {
                problems.add(new Problem(Problem.Kind.DUPLICATE_KEY, source.key(), registration.registeredBy(), null,
                        "a source asset has the same key as another asset"));
            } else {
                sources.put(source.key(), source);
            }
        }
        Set<String> allKeys = new HashSet<>(computed.keySet());
        allKeys.addAll(sources.keySet());

        List<AssetSpec> specs = new ArrayList<>();
        Map<String, AssetFunction> functions = new HashMap<>();
        for (RawAsset raw : computed.values()) {
            AssetSpec spec = bind(raw, allKeys, ioManagers.keySet());
            specs.add(spec);
            functions.put(spec.key(), new AssetFunction(raw.method));
        }
        Map<String, SourceAsset.Observer> observers = new HashMap<>();
        for (SourceAsset source : sources.values()) {
            if (!ioManagers.containsKey(source.ioManagerKey())) {
                problems.add(new Problem(Problem.Kind.UNKNOWN_IO_MANAGER, source.key(), null, null,
                        "no IO manager is registered under '" + source.ioManagerKey() + "'"));
            }
            source.observer().ifPresent(o -> observers.put(source.key(), o));
            specs.add(new AssetSpec(source.key(), source.group(), source.description(), null, source.ioManagerKey(),
                    AssetSpec.Kind.SOURCE, source.observer().isPresent(), List.of(), List.of(), Map.of(), List.of(),
                    RetrySpec.NONE, null, null, ""));
        }
        specs.sort(Comparator.comparing(AssetSpec::key));

        if (specs.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(Problem.Kind.NO_ASSETS, null, null, null,
                    "no @Asset methods were found in " + origin));
        }

        boolean upstreamsKnown = true;
        Map<String, Set<String>> upstreams = new LinkedHashMap<>();
        for (AssetSpec spec : specs) {
            upstreams.put(spec.key(), spec.upstreams());
            for (String up : upstreams.get(spec.key())) {
                if (!allKeys.contains(up)) {
                    upstreamsKnown = false;
                    if (!reportedParameters.contains(parameterId(spec.key(), up))) {
                        problems.add(new Problem(Problem.Kind.UNKNOWN_UPSTREAM, spec.key(), spec.className(), spec.methodName(),
                                "depends on '" + up + "', which no asset defines" + suggestion(up, allKeys)));
                    }
                }
            }
        }
        // Cycles are looked for even when other problems prevent building the graph, so that
        // every problem is reported at once; unknown upstreams cannot be part of a cycle.
        List<List<String>> cycles = findCycles(upstreams);
        Map<String, AssetSpec> byKey = new HashMap<>();
        if (!cycles.isEmpty()) {
            specs.forEach(spec -> byKey.put(spec.key(), spec));
        }
        for (List<String> cycle : cycles) {
            AssetSpec first = byKey.get(cycle.get(0));
            problems.add(new Problem(Problem.Kind.CYCLE, first.key(), first.className(), first.methodName(),
                    "dependency cycle: " + String.join(" -> ", cycle)));
        }
        AssetGraph graph = upstreamsKnown && duplicates.isEmpty() && cycles.isEmpty() ? AssetGraph.of(specs) : null;

        List<ResourceSpec> resourceSpecs = registered.resources.entrySet().stream()
                .map(e -> describe(e.getKey(), e.getValue())).toList();
        List<ResourceSpec> ioManagerSpecs = ioManagers.entrySet().stream()
                .map(e -> describe(e.getKey(), e.getValue())).toList();
        DefinitionsSnapshot snapshot = new DefinitionsSnapshot(origin, specs, registered.jobs, resourceSpecs,
                new ArrayList<>(ioManagers.keySet()), problems, ioManagerSpecs);
        return new LoadedDefinitions(snapshot, graph, functions, observers, registered.resources, ioManagers, classLoader);
    }

    private static ResourceSpec describe(String key, Object resource) {
        return new ResourceSpec(key, resource.getClass().getName(), ResourceDescriber.describe(resource));
    }

    private AssetSpec bind(RawAsset raw, Set<String> assetKeys, Set<String> ioManagerKeys) {
        Method m = raw.method;
        String cls = m.getDeclaringClass().getName();
        List<ParameterBinding> bindings = new ArrayList<>();
        Parameter[] params = m.getParameters();
        Type[] generic = m.getGenericParameterTypes();
        for (int i = 0; i < params.length; i++) {
            Parameter p = params[i];
            Type type = i < generic.length ? generic[i] : p.getType();
            In in = p.getAnnotation(In.class);
            ResourceKey rk = p.getAnnotation(ResourceKey.class);
            if (p.getType() == AssetContext.class) {
                bindings.add(new ParameterBinding.Context(p.getName()));
            } else if (in != null) {
                bindings.add(new ParameterBinding.UpstreamInput(p.getName(), in.value(), type.getTypeName()));
            } else if (rk != null) {
                Object r = registered.resources.get(rk.value());
                if (r == null) {
                    problems.add(new Problem(Problem.Kind.UNRESOLVED_RESOURCE, raw.key, cls, m.getName(),
                            "parameter '" + p.getName() + "' asks for resource '" + rk.value()
                                    + "', which is not registered" + suggestion(rk.value(), registered.resources.keySet())));
                } else if (!boxed(p.getType()).isInstance(r)) {
                    problems.add(new Problem(Problem.Kind.UNRESOLVED_RESOURCE, raw.key, cls, m.getName(),
                            "resource '" + rk.value() + "' is a " + r.getClass().getName() + ", not a " + p.getType().getName()));
                }
                bindings.add(new ParameterBinding.Resource(p.getName(), rk.value(), p.getType().getName()));
            } else {
                bindings.add(bindByNameOrType(raw, p, type, assetKeys));
            }
        }
        List<String> deps = new ArrayList<>(new LinkedHashSet<>(Arrays.asList(raw.asset.deps())));
        if (!ioManagerKeys.contains(raw.asset.ioManagerKey())) {
            problems.add(new Problem(Problem.Kind.UNKNOWN_IO_MANAGER, raw.key, cls, m.getName(),
                    "no IO manager is registered under '" + raw.asset.ioManagerKey() + "'"
                            + suggestion(raw.asset.ioManagerKey(), ioManagerKeys)));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String t : raw.asset.tags()) {
            int eq = t.indexOf('=');
            tags.put(eq < 0 ? t : t.substring(0, eq), eq < 0 ? "" : t.substring(eq + 1));
        }
        RetrySpec retry;
        try {
            retry = RetrySpec.of(raw.asset.retry());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(Problem.Kind.UNSUPPORTED_SIGNATURE, raw.key, cls, m.getName(), e.getMessage()));
            retry = RetrySpec.NONE;
        }
        return new AssetSpec(raw.key, raw.asset.group(), raw.asset.description(), raw.asset.codeVersion(),
                raw.asset.ioManagerKey(), AssetSpec.Kind.ASSET, false, bindings, deps, tags,
                Arrays.asList(raw.asset.owners()), retry, cls, m.getName(), valueType(m).getTypeName());
    }

    private ParameterBinding bindByNameOrType(RawAsset raw, Parameter p, Type type, Set<String> assetKeys) {
        String cls = raw.method.getDeclaringClass().getName();
        if (p.isNamePresent() && assetKeys.contains(p.getName())) {
            return new ParameterBinding.UpstreamInput(p.getName(), p.getName(), type.getTypeName());
        }
        List<String> byType = registered.resources.entrySet().stream()
                .filter(e -> boxed(p.getType()).isInstance(e.getValue()))
                .map(Map.Entry::getKey).toList();
        if (byType.size() == 1) {
            return new ParameterBinding.Resource(p.getName(), null, p.getType().getName());
        }
        if (p.isNamePresent() && registered.resources.containsKey(p.getName()) && byType.contains(p.getName())) {
            return new ParameterBinding.Resource(p.getName(), p.getName(), p.getType().getName());
        }
        reportedParameters.add(parameterId(raw.key, p.getName()));
        if (!p.isNamePresent()) {
            problems.add(new Problem(Problem.Kind.MISSING_PARAMETER_NAMES, raw.key, cls, raw.method.getName(),
                    "parameter " + p.getName() + " (" + p.getType().getSimpleName() + ") has no compiled name: compile with "
                            + "-parameters (maven-compiler-plugin <parameters>true</parameters>) or annotate it with @In(\"upstream\")"));
        } else if (byType.size() > 1) {
            problems.add(new Problem(Problem.Kind.UNRESOLVED_RESOURCE, raw.key, cls, raw.method.getName(),
                    "parameter '" + p.getName() + "' matches several resources of type " + p.getType().getSimpleName()
                            + " (" + String.join(", ", byType) + "): choose one with @ResourceKey"));
        } else {
            problems.add(new Problem(Problem.Kind.UNKNOWN_UPSTREAM, raw.key, cls, raw.method.getName(),
                    "parameter '" + p.getName() + "' is neither an asset nor a resource"
                            + suggestion(p.getName(), assetKeys)));
        }
        return new ParameterBinding.UpstreamInput(p.getName(), p.getName(), type.getTypeName());
    }

    /** Identifies a parameter of an asset whose binding problem was already reported. */
    private static String parameterId(String assetKey, String parameterName) {
        return assetKey + '\n' + parameterName;
    }

    private static Type valueType(Method m) {
        Type t = m.getGenericReturnType();
        if (t instanceof ParameterizedType pt && pt.getRawType() == Output.class) {
            return pt.getActualTypeArguments()[0];
        }
        return t;
    }

    private static Class<?> boxed(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return java.lang.invoke.MethodType.methodType(c).wrap().returnType();
    }

    /** ", did you mean 'x'?" for the closest of {@code candidates}, or empty when none is close. */
    static String suggestion(String wrong, Set<String> candidates) {
        List<String> close = Suggestions.closest(wrong, candidates, 3);
        if (close.isEmpty()) {
            return "";
        }
        return close.size() == 1 ? " (did you mean '" + close.get(0) + "'?)"
                : " (did you mean one of " + String.join(", ", close.stream().map(c -> "'" + c + "'").toList()) + "?)";
    }

    /** One shortest-found cycle per strongly connected component, each written first -> ... -> first. */
    private static List<List<String>> findCycles(Map<String, Set<String>> upstreams) {
        Map<String, List<String>> down = new HashMap<>();
        upstreams.forEach((key, ups) -> {
            down.putIfAbsent(key, new ArrayList<>());
            for (String up : ups) {
                down.computeIfAbsent(up, k -> new ArrayList<>()).add(key);
            }
        });
        // Peel off every asset that cannot be on a cycle (Kahn's algorithm): usually that is all
        // of them, and the strongly connected components are only computed for what is left.
        Map<String, Integer> pendingParents = new HashMap<>();
        down.values().forEach(tos -> tos.forEach(to -> pendingParents.merge(to, 1, Integer::sum)));
        Deque<String> free = new ArrayDeque<>();
        down.keySet().stream().filter(k -> !pendingParents.containsKey(k)).forEach(free::add);
        Set<String> onOrAfterCycles = new HashSet<>(down.keySet());
        while (!free.isEmpty()) {
            String key = free.poll();
            onOrAfterCycles.remove(key);
            for (String to : down.get(key)) {
                if (pendingParents.merge(to, -1, Integer::sum) == 0) {
                    free.add(to);
                }
            }
        }
        if (onOrAfterCycles.isEmpty()) {
            return List.of();
        }
        org.jgrapht.graph.DefaultDirectedGraph<String, org.jgrapht.graph.DefaultEdge> g =
                new org.jgrapht.graph.DefaultDirectedGraph<>(org.jgrapht.graph.DefaultEdge.class);
        onOrAfterCycles.forEach(g::addVertex);
        onOrAfterCycles.forEach(from -> down.get(from).stream().filter(onOrAfterCycles::contains)
                .forEach(to -> g.addEdge(from, to)));
        List<List<String>> cycles = new ArrayList<>();
        var scc = new org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector<>(g);
        for (Set<String> component : scc.stronglyConnectedSets()) {
            String start = component.stream().sorted().findFirst().orElseThrow();
            if (component.size() == 1 && !g.containsEdge(start, start)) {
                continue;
            }
            cycles.add(cycleThrough(start, component, down));
        }
        cycles.sort(Comparator.comparing(c -> c.get(0)));
        return cycles;
    }

    /** A path from {@code start} back to itself inside the component (breadth-first, so short). */
    private static List<String> cycleThrough(String start, Set<String> component, Map<String, List<String>> down) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (String next : down.getOrDefault(at, List.of())) {
                if (!component.contains(next)) {
                    continue;
                }
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String n = at; n != null; n = cameFrom.get(n)) {
                        path.add(0, n);
                    }
                    path.add(start);
                    return path;
                }
                if (!cameFrom.containsKey(next) && !next.equals(start)) {
                    cameFrom.put(next, at);
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start);
    }

    private record RawAsset(String key, Asset asset, Method method) { }

    /** A source asset and the provider class that registered it ({@code null} when unknown). */
    private record SourceRegistration(SourceAsset source, String registeredBy) { }

    /** Everything providers registered, shared by the registries handed to each of them. */
    private static final class Registered {
        final Map<String, Object> resources = new LinkedHashMap<>();
        final Map<String, IOManager> ioManagers = new LinkedHashMap<>();
        final List<SourceRegistration> sourceAssets = new ArrayList<>();
        final List<JobSpec> jobs = new ArrayList<>();
        final List<Class<?>> assetClasses = new ArrayList<>();
    }

    /**
     * The {@link Definitions} a provider fills; duplicate keys become problems, not exceptions,
     * located at {@code source}, the provider's class when known.
     */
    private final class Registry implements Definitions {
        private final String source;

        Registry(String source) {
            this.source = source;
        }

        @Override
        public Path workspace() {
            return workspace;
        }

        @Override
        public Definitions resource(String key, Object resource) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(resource, "resource '" + key + "'");
            if (registered.resources.putIfAbsent(key, resource) != null) {
                problems.add(new Problem(Problem.Kind.DUPLICATE_KEY, null, source, null,
                        "resource '" + key + "' is registered twice"));
            }
            return this;
        }

        @Override
        public Definitions ioManager(String key, IOManager ioManager) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(ioManager, "IO manager '" + key + "'");
            if (registered.ioManagers.putIfAbsent(key, ioManager) != null) {
                problems.add(new Problem(Problem.Kind.DUPLICATE_KEY, null, source, null,
                        "IO manager '" + key + "' is registered twice"));
            }
            return this;
        }

        @Override
        public Definitions sourceAsset(SourceAsset asset) {
            registered.sourceAssets.add(new SourceRegistration(Objects.requireNonNull(asset, "source"), source));
            return this;
        }

        @Override
        public Definitions job(String name, String selection, String description) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(selection, "selection");
            if (registered.jobs.stream().anyMatch(j -> j.name().equals(name))) {
                problems.add(new Problem(Problem.Kind.DUPLICATE_KEY, null, source, null, "job '" + name + "' is registered twice"));
            } else {
                registered.jobs.add(new JobSpec(name, selection, description == null ? "" : description));
            }
            return this;
        }

        @Override
        public Definitions assets(Class<?>... classes) {
            for (Class<?> type : classes) {
                registered.assetClasses.add(Objects.requireNonNull(type, "asset class"));
            }
            return this;
        }
    }
}
