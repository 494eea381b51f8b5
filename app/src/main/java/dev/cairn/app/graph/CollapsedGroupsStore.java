package dev.cairn.app.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.cairn.engine.workspace.AtomicFiles;

/**
 * Which groups the user collapsed, per jar, kept in one small JSON file between starts. Only the
 * most recently changed jars are kept. A missing or damaged file means nothing is collapsed: this
 * is a convenience, never a reason not to draw. Not thread-safe: one thread (the graph's
 * background thread) uses it.
 */
final class CollapsedGroupsStore {

    /** How many jars' groups are remembered. */
    static final int MAX_JARS = 20;

    private final Path file;
    private final ObjectMapper mapper = JsonMapper.builder().build();

    /** @param file the file, or null to remember nothing */
    CollapsedGroupsStore(Path file) {
        this.file = file;
    }

    /** The groups collapsed when the jar was last shown. */
    Set<String> load(Path jar) {
        List<String> groups = readAll().get(key(jar));
        return groups == null ? Set.of() : new LinkedHashSet<>(groups);
    }

    /** Remembers the jar's collapsed groups (none: the jar is forgotten). */
    void save(Path jar, Set<String> collapsed) throws IOException {
        if (file == null) {
            return;
        }
        Map<String, List<String>> all = readAll();
        all.remove(key(jar));
        if (!collapsed.isEmpty()) {
            all.put(key(jar), List.copyOf(collapsed));
        }
        // Insertion order is recency: drop the jars changed longest ago.
        while (all.size() > MAX_JARS) {
            all.remove(all.keySet().iterator().next());
        }
        AtomicFiles.write(file, mapper.writeValueAsString(all));
    }

    private Map<String, List<String>> readAll() {
        if (file == null || !Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        try {
            Map<String, List<String>> all = mapper.readValue(Files.readString(file, StandardCharsets.UTF_8),
                    new TypeReference<LinkedHashMap<String, List<String>>>() { });
            return all == null ? new LinkedHashMap<>() : all;
        } catch (IOException | RuntimeException e) {
            return new LinkedHashMap<>();
        }
    }

    private static String key(Path jar) {
        return jar.toAbsolutePath().normalize().toString();
    }
}
