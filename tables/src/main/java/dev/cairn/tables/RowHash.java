package dev.cairn.tables;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 of a table's columns and cells, so that storing identical rows again reports the same
 * content hash, and so the same data version, wherever they are stored.
 */
final class RowHash {

    private static final char UNIT = '\u001f';
    private static final char RECORD = '\u001e';
    private static final char NULL = '\u0000';

    private final MessageDigest digest;
    private final StringBuilder line = new StringBuilder(256);

    RowHash(List<Column> columns) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (Column c : columns) {
            line.append(c.name()).append(UNIT).append(c.type()).append(UNIT);
        }
        flush();
    }

    /** Adds the first {@code width} cells of a row. */
    void add(Object[] row, int width) {
        for (int c = 0; c < width; c++) {
            Object cell = row[c];
            if (cell == null) {
                line.append(NULL);
            } else {
                line.append(cell);
            }
            line.append(UNIT);
        }
        flush();
    }

    private void flush() {
        line.append(RECORD);
        digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
    }

    /** The hash, as hex. */
    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
