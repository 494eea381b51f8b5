package dev.cairn.engine.definitions;

import java.util.List;

/**
 * Everything a jar defines, as plain values: what the app draws and what the CLI lists. Holds no
 * classes of the user's jar, so it can be produced in a worker process and sent as JSON.
 *
 * @param jarPath the canonical path of the jar it was read from, or a description for in-memory definitions
 * @param assets every asset and source asset, sorted by key
 * @param jobs the registered jobs
 * @param resources the registered resources
 * @param ioManagerKeys the keys of every available IO manager
 * @param problems everything wrong; definitions with problems are not run
 * @param ioManagers every available IO manager, described like resources (empty in snapshots
 *        written before they were described)
 */
public record DefinitionsSnapshot(
        String jarPath,
        List<AssetSpec> assets,
        List<JobSpec> jobs,
        List<ResourceSpec> resources,
        List<String> ioManagerKeys,
        List<Problem> problems,
        List<ResourceSpec> ioManagers) {

    public DefinitionsSnapshot {
        assets = List.copyOf(assets);
        jobs = List.copyOf(jobs);
        resources = List.copyOf(resources);
        ioManagerKeys = List.copyOf(ioManagerKeys);
        problems = List.copyOf(problems);
        ioManagers = ioManagers == null ? List.of() : List.copyOf(ioManagers);
    }

    /** A snapshot that describes its IO managers by key only. */
    public DefinitionsSnapshot(String jarPath, List<AssetSpec> assets, List<JobSpec> jobs, List<ResourceSpec> resources,
                               List<String> ioManagerKeys, List<Problem> problems) {
        this(jarPath, assets, jobs, resources, ioManagerKeys, problems, List.of());
    }

    /** True when nothing is wrong. */
    public boolean isValid() {
        return problems.isEmpty();
    }
}
