package dev.cairn.engine.execution;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

import dev.cairn.engine.events.EventData;

/**
 * Computes data versions when neither the asset nor its IO manager gave one.
 *
 * <p>Every string is hashed with its length in front (and -1 for a missing one), so that no two
 * different sequences hash the same bytes: ("ab", "c") and ("a", "bc") differ.
 */
public final class DataVersions {

    private DataVersions() {
    }

    /**
     * The SHA-256 (hex) of a code version and the data versions of the inputs, sorted by key:
     * the same code run on the same inputs gives the same version.
     */
    public static String ofCodeAndInputs(String codeVersion, SortedMap<String, EventData.InputVersion> inputs) {
        MessageDigest digest = sha256();
        update(digest, "code-and-inputs");
        update(digest, codeVersion);
        updateInputs(digest, inputs);
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A version unique to this run, for an asset without a code version: Cairn cannot tell that
     * two runs of unknown code compute the same thing.
     */
    public static String unique(String runId, String assetKey, SortedMap<String, EventData.InputVersion> inputs) {
        MessageDigest digest = sha256();
        update(digest, "unique");
        update(digest, runId);
        update(digest, assetKey);
        updateInputs(digest, inputs);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void updateInputs(MessageDigest digest, SortedMap<String, EventData.InputVersion> inputs) {
        digest.update(ByteBuffer.allocate(4).putInt(inputs.size()).array());
        for (Map.Entry<String, EventData.InputVersion> e : inputs.entrySet()) {
            update(digest, e.getKey());
            update(digest, e.getValue().dataVersion());
        }
    }

    private static void update(MessageDigest digest, String s) {
        if (s == null) {
            digest.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
