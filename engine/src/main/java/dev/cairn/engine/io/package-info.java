/**
 * The built-in IO managers: {@link dev.cairn.engine.io.FilesystemIOManager}, the default of a
 * workspace (JSON files written atomically), {@link dev.cairn.engine.io.BinaryIOManager} (Java
 * serialization, same layout), both through {@link dev.cairn.engine.io.StoredFiles}, and
 * {@link dev.cairn.engine.io.InMemoryIOManager}, for tests and {@link dev.cairn.api.Materialize}.
 * Users reach the file ones through {@link dev.cairn.api.IOManagers}; tables go to files and
 * databases through the {@code cairn-tables} library.
 */
package dev.cairn.engine.io;
