package dev.cairn.examples.iris;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.cairn.api.Asset;
import dev.cairn.api.In;
import dev.cairn.api.MetadataValue;
import dev.cairn.api.MetadataValue.TableColumn;
import dev.cairn.api.Output;
import dev.cairn.examples.support.BundledResource;
import dev.cairn.examples.support.Csv;
import dev.cairn.examples.support.TableMetadata;

/**
 * The smallest example: Fisher's iris data set and the flowers of one species.
 *
 * <pre>
 * iris_data ──▶ setosa
 * </pre>
 *
 * <p>These assets need no resource and no registration: Cairn finds {@link Asset} methods by
 * itself and stores their values with its default IO manager.
 */
public final class IrisAssets {

    /** The bundled data set: the 150 flowers of the UCI Machine Learning Repository's copy. */
    public static final String DATA = "iris.csv";

    /** The species {@code setosa} keeps. */
    public static final String SETOSA = "Iris-setosa";

    private static final List<String> COLUMNS =
            List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm", "species");

    private IrisAssets() {
    }

    /** Every flower of the data set. */
    @Asset(key = "iris_data", group = "iris",
            description = "Fisher's iris data set: 150 flowers of three species, with sepal and petal sizes.",
            tags = {"source=uci-ml-repository", "layer=raw"},
            owners = {"data-science@example.com"})
    public static Output<List<IrisSample>> irisData() {
        List<IrisSample> samples = Csv.parse(BundledResource.read(IrisAssets.class, DATA), COLUMNS,
                row -> new IrisSample(row.number("sepal_length_cm"), row.number("sepal_width_cm"),
                        row.number("petal_length_cm"), row.number("petal_width_cm"), row.text("species")));
        return TableMetadata.output(samples, IrisSample.class)
                .withMetadata("species_counts", speciesCounts(samples));
    }

    /** The flowers of the species Iris setosa. */
    @Asset(key = "setosa", group = "iris",
            description = "The flowers of the species Iris setosa.",
            codeVersion = "1",
            tags = {"layer=analytics"},
            owners = {"data-science@example.com"})
    public static Output<List<IrisSample>> setosa(@In("iris_data") List<IrisSample> iris) {
        List<IrisSample> setosa = iris.stream().filter(flower -> flower.species().equals(SETOSA)).toList();
        return TableMetadata.output(setosa, IrisSample.class)
                .withMetadata("mean_petal_length_cm", MetadataValue.of(
                        setosa.stream().mapToDouble(IrisSample::petalLengthCm).average().orElse(Double.NaN)));
    }

    private static MetadataValue speciesCounts(List<IrisSample> samples) {
        Map<String, Long> counts = samples.stream()
                .collect(Collectors.groupingBy(IrisSample::species, TreeMap::new, Collectors.counting()));
        return MetadataValue.table(
                List.of(TableColumn.of("species", "VARCHAR"), TableColumn.of("count", "BIGINT")),
                counts.entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue())).toList());
    }
}
