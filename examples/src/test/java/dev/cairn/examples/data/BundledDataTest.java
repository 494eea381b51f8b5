package dev.cairn.examples.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class BundledDataTest {

    private static final int MAX_FILE_BYTES = 300 * 1024;

    @Test
    void generatedFilesAreExactlyWhatTheGeneratorProduces() throws IOException {
        assertThat(bundled(ExampleDataGenerator.HACKER_NEWS)).isEqualTo(ExampleDataGenerator.hackerNewsSnapshot());
        assertThat(bundled(ExampleDataGenerator.COVID)).isEqualTo(ExampleDataGenerator.covidStates());
        assertThat(bundled(ExampleDataGenerator.WEATHER)).isEqualTo(ExampleDataGenerator.weatherSamples());
    }

    @Test
    void everyDataFileIsSmall() throws IOException {
        for (String name : new String[]{ExampleDataGenerator.HACKER_NEWS, ExampleDataGenerator.COVID,
                ExampleDataGenerator.WEATHER, "dev/cairn/examples/iris/iris.csv"}) {
            assertThat(bundled(name).getBytes(StandardCharsets.UTF_8).length).as(name).isLessThan(MAX_FILE_BYTES);
        }
    }

    @Test
    void irisIsTheClassicDataSet() throws IOException {
        String[] lines = bundled("dev/cairn/examples/iris/iris.csv").split("\n");
        assertThat(lines).hasSize(151);
        assertThat(java.util.Arrays.stream(lines).skip(1).map(l -> l.substring(l.lastIndexOf(',') + 1))
                .collect(Collectors.groupingBy(s -> s, Collectors.counting())))
                .containsOnly(java.util.Map.entry("Iris-setosa", 50L), java.util.Map.entry("Iris-versicolor", 50L),
                        java.util.Map.entry("Iris-virginica", 50L));
        // Fisher's first flower and the last one of the UCI copy.
        assertThat(lines[1]).isEqualTo("5.1,3.5,1.4,0.2,Iris-setosa");
        assertThat(lines[150]).isEqualTo("5.9,3.0,5.1,1.8,Iris-virginica");
    }

    private static String bundled(String name) throws IOException {
        try (InputStream in = BundledDataTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
