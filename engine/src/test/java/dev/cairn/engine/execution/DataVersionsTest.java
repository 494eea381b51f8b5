package dev.cairn.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.cairn.engine.events.EventData;

class DataVersionsTest {

    private static TreeMap<String, EventData.InputVersion> inputs(String... keysAndVersions) {
        TreeMap<String, EventData.InputVersion> map = new TreeMap<>();
        for (int i = 0; i < keysAndVersions.length; i += 2) {
            map.put(keysAndVersions[i], new EventData.InputVersion(keysAndVersions[i + 1], 7));
        }
        return map;
    }

    @Test
    void concatenationsThatLookAlikeHashDifferently() {
        assertThat(DataVersions.ofCodeAndInputs("ab", inputs("k", "c")))
                .isNotEqualTo(DataVersions.ofCodeAndInputs("a", inputs("k", "bc")));
        assertThat(DataVersions.ofCodeAndInputs("1", inputs("ab", "c")))
                .isNotEqualTo(DataVersions.ofCodeAndInputs("1", inputs("a", "bc")));
        assertThat(DataVersions.ofCodeAndInputs("1", inputs("a", "b", "c", "d")))
                .isNotEqualTo(DataVersions.ofCodeAndInputs("1", inputs("a", "bc", "d", "")));
    }

    @Test
    void aMissingVersionDiffersFromAnEmptyOne() {
        TreeMap<String, EventData.InputVersion> missing = new TreeMap<>();
        missing.put("a", new EventData.InputVersion(null, 0));
        assertThat(DataVersions.ofCodeAndInputs("1", missing)).isNotEqualTo(DataVersions.ofCodeAndInputs("1", inputs("a", "")));
    }

    @Test
    void dependsOnCodeAndInputVersionsOnlyNotOnEventIds() {
        TreeMap<String, EventData.InputVersion> other = new TreeMap<>();
        other.put("a", new EventData.InputVersion("x", 99));
        assertThat(DataVersions.ofCodeAndInputs("1", inputs("a", "x"))).isEqualTo(DataVersions.ofCodeAndInputs("1", other));
        assertThat(DataVersions.ofCodeAndInputs("2", inputs("a", "x"))).isNotEqualTo(DataVersions.ofCodeAndInputs("1", other));
    }

    @Test
    void uniqueVersionsDifferPerRunAndAsset() {
        assertThat(DataVersions.unique("run1", "a", inputs())).isNotEqualTo(DataVersions.unique("run2", "a", inputs()));
        assertThat(DataVersions.unique("run1", "a", inputs())).isNotEqualTo(DataVersions.unique("run1", "b", inputs()));
    }

    /** The format is pinned: changing it would make every stored asset look stale. */
    @Test
    void theEncodingIsLengthPrefixedUtf8InKeyOrder() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (String s : new String[] {"code-and-inputs", "v1"}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
        out.writeInt(2);
        for (String s : new String[] {"a", "x", "é", "y"}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
        String expected = HexFormat.of().formatHex(DataVersions.sha256().digest(bytes.toByteArray()));

        assertThat(DataVersions.ofCodeAndInputs("v1", inputs("é", "y", "a", "x"))).isEqualTo(expected).hasSize(64);
    }
}
