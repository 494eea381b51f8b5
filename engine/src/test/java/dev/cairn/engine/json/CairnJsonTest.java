package dev.cairn.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.cairn.api.MetadataValue;
import dev.cairn.api.MetadataValue.TableColumn;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.DefinitionsSnapshot;
import dev.cairn.engine.definitions.JobSpec;
import dev.cairn.engine.definitions.ParameterBinding;
import dev.cairn.engine.definitions.Problem;
import dev.cairn.engine.definitions.ResourceSpec;
import dev.cairn.engine.definitions.RetrySpec;
import dev.cairn.engine.events.EventData;

class CairnJsonTest {

    private final CairnJson json = new CairnJson();

    @Test
    void everyEventDataTypeRoundTrips() {
        for (EventData data : JsonSamples.everyEventData()) {
            String text = json.write(data);
            assertThat(json.read(text, EventData.class)).as(text).isEqualTo(data);
        }
        Set<Class<?>> covered = JsonSamples.everyEventData().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrder(EventData.class.getPermittedSubclasses());
    }

    @Test
    void everyMetadataValueRoundTripsToTheSameTypeAndValue() {
        for (MetadataValue value : JsonSamples.everyMetadataValue()) {
            String text = json.write(value);
            MetadataValue back = json.read(text, MetadataValue.class);
            assertThat(back).as(text).isEqualTo(value).hasSameClassAs(value);
        }
        Set<Class<?>> covered = JsonSamples.everyMetadataValue().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrder(MetadataValue.class.getPermittedSubclasses());
    }

    @Test
    void tableCellsKeepTheirJavaTypes() {
        MetadataValue.TableValue table = (MetadataValue.TableValue) JsonSamples.everyMetadataValue().stream()
                .filter(v -> v instanceof MetadataValue.TableValue t && !t.rows().isEmpty()).findFirst().orElseThrow();
        MetadataValue.TableValue back = (MetadataValue.TableValue) json.read(json.write(table), MetadataValue.class);
        for (int r = 0; r < table.rows().size(); r++) {
            for (int c = 0; c < table.rows().get(r).size(); c++) {
                Object expected = table.rows().get(r).get(c);
                Object actual = back.rows().get(r).get(c);
                assertThat(actual).as("row %d cell %d", r, c).isEqualTo(expected);
                if (expected != null) {
                    assertThat(actual).hasSameClassAs(expected);
                }
            }
        }
    }

    @Test
    void aCellOfAnotherClassIsKeptAsItsText() {
        MetadataValue table = MetadataValue.table(List.of(TableColumn.of("day", "DATE")),
                List.of(List.of(java.time.LocalDate.of(2024, 1, 2))));
        MetadataValue back = json.read(json.write(table), MetadataValue.class);
        assertThat(((MetadataValue.TableValue) back).rows()).containsExactly(List.of("2024-01-02"));
    }

    @Test
    void theStoredFormatUsesStableTags() {
        assertThat(json.write(MetadataValue.of(42))).isEqualTo("{\"type\":\"int\",\"value\":42}");
        assertThat(json.write(MetadataValue.of(Double.NaN))).isEqualTo("{\"type\":\"float\",\"value\":\"NaN\"}");
        assertThat(json.write(MetadataValue.timestamp(Instant.parse("2024-01-02T03:04:05.000000006Z"))))
                .isEqualTo("{\"type\":\"timestamp\",\"instant\":\"2024-01-02T03:04:05.000000006Z\"}");
        assertThat(json.write(new EventData.RunEnded("gone"))).isEqualTo("{\"type\":\"run_ended\",\"reason\":\"gone\"}");
        assertThat(json.write(EventData.NONE)).isEqualTo("{\"type\":\"empty\"}");
        assertThat(json.write(MetadataValue.table(List.of(TableColumn.of("a", "")), List.of(List.of(1L)))))
                .isEqualTo("{\"type\":\"table\",\"columns\":[{\"name\":\"a\",\"type\":\"\",\"description\":\"\"}],"
                        + "\"rows\":[[{\"t\":\"long\",\"v\":\"1\"}]]}");
    }

    @Test
    void aDefinitionsSnapshotRoundTripsWithoutItsDerivedProperties() {
        AssetSpec asset = new AssetSpec("orders", "sales", "All orders", "v2", "io_manager", AssetSpec.Kind.ASSET,
                false,
                List.of(new ParameterBinding.Context("ctx"),
                        new ParameterBinding.UpstreamInput("raw", "raw_orders", "java.util.List<java.lang.String>"),
                        new ParameterBinding.Resource("db", "warehouse", "com.acme.Db"),
                        new ParameterBinding.Resource("http", null, "com.acme.Http")),
                List.of("calendar"), Map.of("team", "sales"), List.of("ann@example.com"),
                new RetrySpec(3, 1000, true), "com.acme.Assets", "orders", "java.util.List<Order>");
        AssetSpec source = new AssetSpec("raw_orders", null, null, null, "io_manager", AssetSpec.Kind.SOURCE, false,
                List.of(), List.of(), Map.of(), List.of(), RetrySpec.NONE, null, null, "java.lang.Object");
        DefinitionsSnapshot snapshot = new DefinitionsSnapshot("/jars/acme.jar", List.of(asset, source),
                List.of(new JobSpec("nightly", "*", "")), List.of(new ResourceSpec("warehouse", "com.acme.Db")),
                List.of("io_manager"),
                List.of(new Problem(Problem.Kind.UNKNOWN_UPSTREAM, "orders", "com.acme.Assets", "orders", "no 'x'")));

        String text = json.write(snapshot);

        assertThat(json.read(text, DefinitionsSnapshot.class)).isEqualTo(snapshot);
        assertThat(text).doesNotContain("\"valid\"", "\"source\":", "\"location\"", "\"upstreams\"")
                .contains("\"type\":\"upstream_input\"");
    }

    @Test
    void genericTypesAreWrittenAndReadThroughATypeReference() {
        Map<String, MetadataValue> metadata = Map.of("rows", MetadataValue.of(3), "when",
                MetadataValue.timestamp(Instant.EPOCH));
        TypeReference<Map<String, MetadataValue>> type = new TypeReference<>() { };
        assertThat(json.read(json.write(metadata, type), type)).isEqualTo(metadata);
    }

    @Test
    void unknownFieldsAreIgnoredSoALaterCairnCanAddFields() {
        assertThat(json.read("{\"type\":\"step_started\",\"attempt\":2,\"addedLater\":{\"x\":1}}", EventData.class))
                .isEqualTo(new EventData.StepStarted(2));
    }

    @Test
    void badJsonIsAClearError() {
        assertThatThrownBy(() -> json.read("{\"type\":\"teleported\"}", EventData.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EventData")
                .hasMessageContaining("teleported");
        assertThatThrownBy(() -> json.read("{\"type\":\"int\",\"value\":1} trailing", MetadataValue.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.read("{\"type\":\"table\",\"rows\":[[{\"t\":\"uuid\",\"v\":\"x\"}]]}",
                MetadataValue.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uuid");
    }
}
