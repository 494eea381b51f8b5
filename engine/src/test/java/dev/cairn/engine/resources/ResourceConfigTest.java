package dev.cairn.engine.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cairn.api.Asset;
import dev.cairn.api.Configured;
import dev.cairn.api.EnvVar;
import dev.cairn.api.IOManager;
import dev.cairn.api.IOManagers;
import dev.cairn.api.InputContext;
import dev.cairn.api.Materialize;
import dev.cairn.api.OutputContext;
import dev.cairn.api.ResourceKey;
import dev.cairn.engine.definitions.ConfigField;
import dev.cairn.engine.definitions.DefinitionsAssembler;
import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.definitions.ResourceDescriber;
import dev.cairn.engine.definitions.ResourceSpec;
import dev.cairn.engine.execution.MissingEnvironmentException;
import dev.cairn.engine.json.CairnJson;
import dev.cairn.engine.definitions.DefinitionsSnapshot;

/** Typed configuration, environment variables, what the snapshot shows of them and the check before a run. */
class ResourceConfigTest {

    /** Set on every machine that runs the tests. */
    private static final String SET = System.getenv("PATH") != null ? "PATH" : "HOME";
    /** Set on none. */
    private static final String UNSET = "CAIRN_TEST_UNSET_" + UUID.randomUUID().toString().replace('-', '_');

    public record Endpoint(String host, int port) { }

    public record WarehouseConfig(String user, String password, EnvVar token, Endpoint endpoint, String absent) { }

    public record ApiConfig(EnvVar apiKey) { }

    /** A resource that is not a record and describes its configuration. */
    public static final class Api implements Configured {
        private final ApiConfig config;

        Api(ApiConfig config) {
            this.config = config;
        }

        @Override
        public Record configuration() {
            return config;
        }
    }

    /** An IO manager configured by an environment variable. */
    public static final class RemoteIOManager implements IOManager, Configured {
        private final EnvVar url;

        RemoteIOManager(EnvVar url) {
            this.url = url;
        }

        @Override public Record configuration() { return new ApiConfig(url); }
        @Override public void handleOutput(OutputContext context, Object value) { }
        @Override public Object loadInput(InputContext context) { return null; }
    }

    public static class UsesApi {
        @Asset
        public static String fetched(@ResourceKey("api") Api api) {
            return "fetched with " + api.config.apiKey().value().length() + " characters";
        }
    }

    public static class UsesNothing {
        @Asset
        public static String plain() {
            return "plain";
        }
    }

    public static class StoresRemotely {
        @Asset(ioManagerKey = "remote")
        public static String remote() {
            return "remote";
        }
    }

    @Test
    void anEnvVarReadsTheEnvironmentOrItsDefaultAndNeverPrintsItsValue() {
        assertThat(EnvVar.of(SET).value()).isEqualTo(System.getenv(SET));
        assertThat(EnvVar.of(SET).isSet()).isTrue();
        assertThat(EnvVar.of(SET).toString()).isEqualTo("EnvVar(" + SET + ")").doesNotContain(System.getenv(SET));
        assertThat(EnvVar.of(UNSET, "fallback").value()).isEqualTo("fallback");
        assertThatThrownBy(() -> EnvVar.of(UNSET).value()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(UNSET).hasMessageContaining("not set");
        assertThatThrownBy(() -> EnvVar.of("1-bad name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1-bad name' is not an environment variable name");
    }

    @Test
    void aRecordResourceIsDescribedFieldByFieldWithSecretsMaskedAndVariablesByName() {
        List<ConfigField> fields = ResourceDescriber.describe(
                new WarehouseConfig("analyst", "hunter2", EnvVar.of(UNSET), new Endpoint("db.local", 5432), null));

        assertThat(fields).containsExactly(
                ConfigField.plain("user", "String", "analyst"),
                ConfigField.plain("password", "String", ResourceDescriber.MASKED),
                new ConfigField("token", "EnvVar", null, UNSET, false, false),
                ConfigField.plain("endpoint.host", "String", "db.local"),
                ConfigField.plain("endpoint.port", "int", "5432"));
        assertThat(fields).filteredOn(ConfigField::missing).extracting(ConfigField::envVar).containsExactly(UNSET);
        assertThat(ResourceDescriber.describe(new Api(new ApiConfig(EnvVar.of(SET)))))
                .containsExactly(new ConfigField("apiKey", "EnvVar", null, SET, true, false));
        assertThat(ResourceDescriber.describe("a plain object")).isEmpty();
    }

    @Test
    void theSnapshotDescribesResourcesAndIoManagersWithoutSecretValuesAndSurvivesJson() throws Exception {
        DefinitionsAssembler assembler = new DefinitionsAssembler("test", null,
                java.util.Map.of("io_manager", IOManagers.json(Path.of("/tmp/values"))));
        assembler.registry().resource("warehouse", new WarehouseConfig("analyst", "hunter2", EnvVar.of(SET), null, null));
        assembler.registry().ioManager("remote", new RemoteIOManager(EnvVar.of(UNSET, "http://localhost")));
        assembler.addAssetClass(UsesNothing.class);
        try (LoadedDefinitions defs = assembler.build(null)) {
            DefinitionsSnapshot snapshot = defs.snapshot();
            String json = new CairnJson().write(snapshot);
            assertThat(json).doesNotContain("hunter2").doesNotContain(System.getenv(SET)).contains(SET);

            DefinitionsSnapshot back = new CairnJson().read(json, DefinitionsSnapshot.class);
            assertThat(back.resources()).containsExactly(new ResourceSpec("warehouse", WarehouseConfig.class.getName(), List.of(
                    ConfigField.plain("user", "String", "analyst"),
                    ConfigField.plain("password", "String", ResourceDescriber.MASKED),
                    new ConfigField("token", "EnvVar", null, SET, true, false))));
            assertThat(back.ioManagers()).extracting(ResourceSpec::key).containsExactly("io_manager", "remote");
            assertThat(back.ioManagers().get(0).config()).extracting(ConfigField::name).containsExactly("baseDir", "format");
            assertThat(back.ioManagers().get(1).config())
                    .containsExactly(new ConfigField("apiKey", "EnvVar", null, UNSET, false, true));
            assertThat(back.ioManagers().get(1).missingEnvVars()).isEmpty();
        }
    }

    @Test
    void aSnapshotWrittenBeforeIoManagersWereDescribedStillReads() throws Exception {
        String old = "{\"jarPath\":\"j.jar\",\"assets\":[],\"jobs\":[],\"resources\":[{\"key\":\"r\",\"className\":\"C\"}],"
                + "\"ioManagerKeys\":[\"io_manager\"],\"problems\":[]}";
        DefinitionsSnapshot snapshot = new CairnJson().read(old, DefinitionsSnapshot.class);
        assertThat(snapshot.ioManagers()).isEmpty();
        assertThat(snapshot.resources()).containsExactly(new ResourceSpec("r", "C"));
    }

    @Test
    void aRunRefusesToStartWhenAResourceItUsesNeedsAnUnsetVariableNamingBoth() {
        assertThatThrownBy(() -> Materialize.assets(UsesApi.class, UsesNothing.class)
                .resource("api", new Api(new ApiConfig(EnvVar.of(UNSET)))).run())
                .isInstanceOf(MissingEnvironmentException.class)
                .hasMessageContaining("resource 'api' needs " + UNSET)
                .hasMessageContaining("used by 'fetched'");

        // Assets that do not use it run.
        assertThat(Materialize.assets(UsesApi.class, UsesNothing.class)
                .resource("api", new Api(new ApiConfig(EnvVar.of(UNSET)))).select("plain").run().success()).isTrue();
        assertThat(Materialize.assets(UsesApi.class).resource("api", new Api(new ApiConfig(EnvVar.of(SET)))).run()
                .output("fetched", String.class)).startsWith("fetched with");
    }

    @Test
    void aRunRefusesToStartWhenItsIoManagerNeedsAnUnsetVariable() {
        assertThatThrownBy(() -> Materialize.assets(StoresRemotely.class)
                .ioManager("remote", new RemoteIOManager(EnvVar.of(UNSET))).run())
                .isInstanceOf(MissingEnvironmentException.class)
                .hasMessageContaining("IO manager 'remote' needs " + UNSET);
        assertThat(Materialize.assets(StoresRemotely.class)
                .ioManager("remote", new RemoteIOManager(EnvVar.of(UNSET, "http://localhost"))).run().success()).isTrue();
    }

    @Test
    void assetsNamingAnIoManagerTheTestDoesNotGiveKeepTheirValuesInMemory() {
        assertThat(Materialize.assets(StoresRemotely.class).run().output("remote", String.class)).isEqualTo("remote");
    }
}
