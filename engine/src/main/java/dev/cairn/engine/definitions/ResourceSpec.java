package dev.cairn.engine.definitions;

/**
 * A registered resource, described without its value (which may hold secrets).
 *
 * @param key the key it was registered under
 * @param className its class
 */
public record ResourceSpec(String key, String className) { }
