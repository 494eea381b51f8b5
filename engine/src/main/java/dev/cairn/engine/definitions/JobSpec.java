package dev.cairn.engine.definitions;

/**
 * A named selection of assets.
 *
 * @param name the job name
 * @param selection the selection, in the selection language
 * @param description possibly empty
 */
public record JobSpec(String name, String selection, String description) { }
