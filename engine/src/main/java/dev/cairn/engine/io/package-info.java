/**
 * The built-in IO managers: {@link dev.cairn.engine.io.FilesystemIOManager}, the default of a
 * workspace (JSON files written atomically), and {@link dev.cairn.engine.io.InMemoryIOManager},
 * for tests and {@link dev.cairn.api.Materialize}.
 */
package dev.cairn.engine.io;
