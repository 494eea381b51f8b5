package dev.cairn.examples.covid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cairn.api.EnvVar;
import dev.cairn.api.Materialize;
import dev.cairn.api.MaterializeResult;
import dev.cairn.api.MetadataValue;
import dev.cairn.examples.testing.Outputs;
import dev.cairn.examples.support.TableMetadata;

class CovidAssetsTest {

    private static MaterializeResult run(String state) {
        return Materialize.assets(CovidAssets.class).resource("covid_config", config(state)).run();
    }

    /** The configuration with a variable that no environment sets, so its default is the state. */
    static CovidConfig config(String state) {
        return new CovidConfig(EnvVar.of("CAIRN_TEST_COVID_STATE_" + UUID.randomUUID().toString().replace('-', '_'), state));
    }

    @Test
    void rawDataHasNinetyDaysOfFiveStates() {
        MaterializeResult result = run("Texas");

        List<StateCovidDay> raw = Outputs.list(result, "raw_state_covid_data", StateCovidDay.class);
        assertThat(raw).hasSize(5 * 90);
        StateCovidDay first = raw.get(0);
        assertThat(first.date()).isEqualTo(LocalDate.of(2020, 6, 1));
        assertThat(first.state()).isEqualTo("California");
        assertThat(result.materialization("raw_state_covid_data").orElseThrow().metadata())
                .containsEntry("num_records", MetadataValue.of(450))
                .containsEntry("states", MetadataValue.text("California, Florida, New York, Texas, Washington"));
    }

    @Test
    void filteredDataHasOnlyTheConfiguredStateStampedWithOneLoadTime() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        MaterializeResult result = run("Texas");
        Instant after = Instant.now();

        assertThat(result.success()).isTrue();
        List<LoadedStateCovidDay> rows = Outputs.list(result, "filtered_state_covid_data", LoadedStateCovidDay.class);
        assertThat(rows).hasSize(90).allSatisfy(row -> {
            assertThat(row.state()).isEqualTo("Texas");
            assertThat(row.fips()).isEqualTo("48");
        });
        assertThat(rows).extracting(LoadedStateCovidDay::loadTs).containsOnly(rows.get(0).loadTs());
        assertThat(rows.get(0).loadTs()).isBetween(before, after);
        assertThat(rows).extracting(LoadedStateCovidDay::date).isSorted().doesNotHaveDuplicates();
        // Totals are cumulative: they never go down.
        assertThat(rows).extracting(LoadedStateCovidDay::cases).isSorted();
        assertThat(result.materialization("filtered_state_covid_data").orElseThrow().metadata())
                .containsEntry("num_records", MetadataValue.of(90))
                .containsEntry("num_input_records", MetadataValue.of(450))
                .containsEntry("state", MetadataValue.text("Texas"))
                .containsEntry("schema", MetadataValue.tableSchema(TableMetadata.columns(LoadedStateCovidDay.class)));
        assertThat(TableMetadata.columns(LoadedStateCovidDay.class)).extracting("name").contains("load_ts");
    }

    @Test
    void aStateWithoutDataFailsWithTheStatesThereAre() {
        MaterializeResult result = run("Narnia");

        assertThat(result.success()).isFalse();
        assertThat(result.failure("filtered_state_covid_data")).hasValueSatisfying(f -> assertThat(f)
                .contains("no rows for the state 'Narnia'").contains("New York"));
    }

    @Test
    void theConfigurationNeedsAState() {
        assertThatThrownBy(() -> config(" ").stateName()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is empty");
        assertThatThrownBy(() -> new CovidConfig(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theStateComesFromCovidStateAndIsNewYorkWithoutIt() {
        CovidConfig config = CovidConfig.fromEnvironment();
        assertThat(config.state().name()).isEqualTo("COVID_STATE");
        assertThat(config.state().defaultValue()).contains("New York");
        String set = System.getenv("COVID_STATE");
        assertThat(config.stateName()).isEqualTo(set != null ? set.strip() : "New York");
    }
}
