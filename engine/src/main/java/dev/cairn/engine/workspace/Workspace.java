package dev.cairn.engine.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import dev.cairn.engine.json.CairnJson;
import dev.cairn.engine.storage.h2.H2EventLog;

/**
 * The folder where Cairn keeps what it records about one jar: the event log ({@code eventlog.mv.db})
 * and {@code storage/}, the default IO manager's folder. A {@code workspace.json} notes which jar the
 * workspace belongs to.
 *
 * <p>By default a jar's workspace is {@code <Cairn home>/workspaces/<jar name>-<hash>}, where the
 * hash is of the jar's canonical path: two jars of the same name get different workspaces, and
 * nothing is ever written next to the jar. A user may choose another folder with {@link #at}.
 *
 * <p>Creating a value does no I/O; {@link #create()} makes the folders.
 */
public final class Workspace {

    /** The name of the file that records the workspace's jar. */
    public static final String INFO_FILE = "workspace.json";

    private static final int FORMAT = 1;
    private static final int MAX_NAME_LENGTH = 40;
    private static final int HASH_HEX_DIGITS = 12;

    /**
     * What {@code workspace.json} holds.
     *
     * @param format the version of this file's format
     * @param jar the canonical path of the jar, as a string
     * @param createdAt when the workspace was created
     */
    record Info(int format, String jar, Instant createdAt) { }

    private final Path folder;
    private final Path jar;

    private Workspace(Path folder, Path jar) {
        this.folder = folder.toAbsolutePath().normalize();
        this.jar = jar;
    }

    /** The default workspace of a jar, under {@link CairnHome#resolve()}. */
    public static Workspace forJar(Path jar) {
        return forJar(jar, CairnHome.resolve());
    }

    /** The workspace of a jar under the given Cairn home: {@code <home>/workspaces/<name>-<hash>}. */
    public static Workspace forJar(Path jar, Path cairnHome) {
        Path canonical = canonical(jar);
        return new Workspace(cairnHome.resolve("workspaces").resolve(folderName(canonical)), canonical);
    }

    /** A workspace in a folder the user chose, for the given jar. */
    public static Workspace at(Path folder, Path jar) {
        return new Workspace(folder, canonical(jar));
    }

    /** The workspace folder. */
    public Path folder() {
        return folder;
    }

    /** The canonical path of the jar this workspace is for. */
    public Path jar() {
        return jar;
    }

    /** The event log's database, without H2's {@code .mv.db} suffix, as {@link H2EventLog#open} takes it. */
    public Path eventLogDatabase() {
        return folder.resolve("eventlog");
    }

    /** The default IO manager's folder. */
    public Path storageFolder() {
        return folder.resolve("storage");
    }

    /**
     * Creates the folder, {@code storage/} and {@code workspace.json} where missing. An existing
     * {@code workspace.json} is kept as it is: it names the jar the workspace was created for.
     *
     * @throws WorkspaceException if the folder cannot be created or written
     */
    public Workspace create() {
        try {
            Files.createDirectories(storageFolder());
            Path info = folder.resolve(INFO_FILE);
            if (!Files.exists(info)) {
                AtomicFiles.write(info, new CairnJson().write(new Info(FORMAT, jar.toString(), Instant.now())));
            }
            return this;
        } catch (IOException e) {
            throw new WorkspaceException("cannot create the workspace " + folder + ": " + e
                    + ". Choose a writable folder (set " + CairnHome.ENV + " or the workspace option).", e);
        }
    }

    /**
     * The jar named in {@code workspace.json}, or empty if the workspace has not been created.
     *
     * @throws WorkspaceException if the file cannot be read
     */
    public Optional<Path> recordedJar() {
        Path info = folder.resolve(INFO_FILE);
        if (!Files.exists(info)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(new CairnJson().read(Files.readString(info), Info.class).jar()));
        } catch (IOException | IllegalArgumentException e) {
            throw new WorkspaceException("cannot read " + info + ": " + e.getMessage()
                    + ". Fix or delete the file; Cairn writes a new one.", e);
        }
    }

    /** Creates the workspace if needed and opens its event log for this process alone. */
    public H2EventLog openEventLog() {
        return openEventLog(H2EventLog.Mode.EXCLUSIVE);
    }

    /**
     * Creates the workspace if needed and opens its event log.
     *
     * @throws WorkspaceException if the workspace cannot be created
     * @throws dev.cairn.engine.storage.EventLogException if the log is in use, damaged or too new
     */
    public H2EventLog openEventLog(H2EventLog.Mode mode) {
        create();
        return H2EventLog.open(eventLogDatabase(), mode);
    }

    /** The jar's real path when it exists (symbolic links resolved), else its absolute path. */
    private static Path canonical(Path jar) {
        Objects.requireNonNull(jar, "jar");
        try {
            return jar.toRealPath();
        } catch (IOException e) {
            return jar.toAbsolutePath().normalize();
        }
    }

    /** {@code <sanitized name>-<hash>}: readable, safe on every file system, unique per path. */
    static String folderName(Path canonicalJar) {
        Path fileName = canonicalJar.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".jar")) {
            name = name.substring(0, name.length() - 4);
        }
        name = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (name.length() > MAX_NAME_LENGTH) {
            name = name.substring(0, MAX_NAME_LENGTH);
        }
        if (name.isEmpty()) {
            name = "jar";
        }
        return name + "-" + shortHash(canonicalJar.toString());
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "workspace " + folder + " of " + jar;
    }
}
