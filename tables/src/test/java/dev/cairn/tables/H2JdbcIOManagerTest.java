package dev.cairn.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.api.EnvVar;
import dev.cairn.engine.definitions.ConfigField;
import dev.cairn.engine.definitions.ResourceDescriber;
import dev.cairn.tables.Rows.Word;

/** The JDBC IO manager on an embedded H2 warehouse file. */
class H2JdbcIOManagerTest extends JdbcIOManagerContract {

    @TempDir
    Path dir;

    @Override
    JdbcIOManager io() {
        return JdbcIOManager.h2(dir.resolve("warehouse"));
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("warehouse"));
    }

    @Override
    String table(String assetKey) {
        return "\"" + assetKey.toUpperCase() + "\"";
    }

    @Test
    void theWarehouseIsItsOwnFileAndTablesAreFoundUnquoted() throws Exception {
        JdbcIOManager io = io();
        io.handleOutput(new Contexts.Output("words", Rows.listOfWords()), List.of(new Word("a", 1, null)));
        assertThat(dir.resolve("warehouse.mv.db")).isNotEmptyFile();
        try (Connection c = connect(); var s = c.createStatement(); var rs = s.executeQuery("SELECT \"word\" FROM words")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("a");
        }
        assertThat(dir.resolve("warehouse.trace.db")).as("H2 logged no error").doesNotExist();
    }

    @Test
    void itsConfigurationShowsTheUrlAndPasswordVariableButNoSecret() {
        assertThat(ResourceDescriber.describe(io())).extracting(ConfigField::name).containsExactly("url");
        assertThat(ResourceDescriber.describe(JdbcIOManager.connect("jdbc:postgresql://db:5432/w?user=u&password=hunter2")
                .password(EnvVar.of("WAREHOUSE_PASSWORD"))))
                .containsExactly(ConfigField.plain("url", "String", "jdbc:postgresql://db:5432/w?user=u&password=••••••"),
                        new ConfigField("password", "EnvVar", null, "WAREHOUSE_PASSWORD", System.getenv("WAREHOUSE_PASSWORD") != null,
                                false));
        assertThat(ResourceDescriber.describe(JdbcIOManager.connect(EnvVar.of("WAREHOUSE_URL")).user("analyst")))
                .extracting(ConfigField::name, ConfigField::envVar)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("urlVariable", "WAREHOUSE_URL"),
                        org.assertj.core.groups.Tuple.tuple("user", null));
        assertThat(JdbcIOManager.mask("jdbc:postgresql://u:secret@db/w")).isEqualTo("jdbc:postgresql://u:••••••@db/w");
    }
}
