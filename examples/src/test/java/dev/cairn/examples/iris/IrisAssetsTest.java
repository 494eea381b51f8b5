package dev.cairn.examples.iris;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.api.Materialize;
import dev.cairn.api.MaterializeResult;
import dev.cairn.api.MetadataValue;
import dev.cairn.examples.testing.Outputs;

class IrisAssetsTest {

    @Test
    void setosaHasTheFiftySetosaFlowers() {
        MaterializeResult result = Materialize.assets(IrisAssets.class).run();

        assertThat(result.success()).isTrue();
        assertThat(Outputs.list(result, "iris_data", IrisSample.class)).hasSize(150);
        List<IrisSample> setosa = Outputs.list(result, "setosa", IrisSample.class);
        assertThat(setosa).hasSize(50).allSatisfy(flower -> assertThat(flower.species()).isEqualTo("Iris-setosa"));
        assertThat(setosa.get(0)).isEqualTo(new IrisSample(5.1, 3.5, 1.4, 0.2, "Iris-setosa"));
        assertThat(result.materialization("setosa").orElseThrow().metadata())
                .containsEntry("num_records", MetadataValue.of(50))
                // The setosa petals of the data set average 1.464 cm.
                .hasEntrySatisfying("mean_petal_length_cm", v -> assertThat(((MetadataValue.FloatValue) v).value())
                        .isCloseTo(1.464, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void irisDataCountsEachSpecies() {
        MaterializeResult result = Materialize.assets(IrisAssets.class).run();

        MetadataValue.TableValue counts = (MetadataValue.TableValue)
                result.materialization("iris_data").orElseThrow().metadata().get("species_counts");
        assertThat(counts.rows()).containsExactly(
                List.of("Iris-setosa", 50L), List.of("Iris-versicolor", 50L), List.of("Iris-virginica", 50L));
    }
}
