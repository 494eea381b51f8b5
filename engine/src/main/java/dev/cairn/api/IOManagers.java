package dev.cairn.api;

import java.nio.file.Path;

/**
 * The IO managers Cairn ships, to register under keys of your choice in a
 * {@link DefinitionsProvider}:
 *
 * <pre>{@code
 * defs.ioManager("model_io_manager", IOManagers.binary(defs.workspace().resolve("models")));
 * }</pre>
 *
 * <p>Each stores one file per asset under a base folder ({@code <base>/<key>.<ext>}, a partition in
 * {@code <base>/<key>/<partition>.<ext>}), replaces it atomically, and records its {@code path} and
 * {@code size_bytes} as metadata and the hash of its bytes as the data version. Tables go to CSV
 * files and to databases through the {@code cairn-tables} library.
 */
public final class IOManagers {

    private IOManagers() {
    }

    /** JSON files (Jackson, {@code java.time} as ISO-8601 text): the default IO manager's format. */
    public static IOManager json(Path baseDir) {
        return new dev.cairn.engine.io.FilesystemIOManager(baseDir);
    }

    /** Java serialization, for {@link java.io.Serializable} values that JSON cannot represent. */
    public static IOManager binary(Path baseDir) {
        return new dev.cairn.engine.io.BinaryIOManager(baseDir);
    }
}
