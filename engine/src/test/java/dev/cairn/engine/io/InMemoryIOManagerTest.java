package dev.cairn.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cairn.api.InputContext;
import dev.cairn.api.Materialization;

class InMemoryIOManagerTest {

    private record Input(String assetKey, Type expectedType) implements InputContext {
        @Override public Optional<String> partitionKey() { return Optional.empty(); }
        @Override public String downstreamKey() { return "reader"; }
        @Override public Optional<Materialization> upstreamMaterialization() { return Optional.empty(); }
    }

    @Test
    void seededValuesIncludingNullAreLoadedBack() {
        InMemoryIOManager io = new InMemoryIOManager().seed("n", 42).seed("nothing", null);

        assertThat(io.loadInput(new Input("n", int.class))).isEqualTo(42);
        assertThat(io.loadInput(new Input("nothing", String.class))).isNull();
        assertThat(io.contains("nothing")).isTrue();
        assertThat(io.value("nothing")).isEmpty();
    }

    @Test
    void aValueOfAnotherTypeOrNoValueGetsAClearError() {
        InMemoryIOManager io = new InMemoryIOManager().seed("n", 42);

        assertThatThrownBy(() -> io.loadInput(new Input("n", List.class)))
                .hasMessageContaining("'reader' expects 'n'").hasMessageContaining("java.lang.Integer");
        assertThatThrownBy(() -> io.loadInput(new Input("missing", String.class)))
                .hasMessageContaining("'missing'").hasMessageContaining("'reader'");
    }
}
