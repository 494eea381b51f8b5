package dev.cairn.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class CairnHomeTest {

    private static final Path HOME = Path.of("/home/ann").toAbsolutePath();

    private static Properties props(String cairnHome) {
        Properties p = new Properties();
        if (cairnHome != null) {
            p.setProperty(CairnHome.PROPERTY, cairnHome);
        }
        return p;
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironment() {
        Path explicit = Path.of("/tmp/ci-home").toAbsolutePath();
        assertThat(CairnHome.resolve(props(explicit.toString()), Map.of(CairnHome.ENV, "/elsewhere"), "Linux", HOME))
                .isEqualTo(explicit);
    }

    @Test
    void theEnvironmentVariableWinsOverTheOperatingSystemDefault() {
        Path explicit = Path.of("/srv/cairn").toAbsolutePath();
        assertThat(CairnHome.resolve(props(null), Map.of(CairnHome.ENV, explicit.toString()), "Mac OS X", HOME))
                .isEqualTo(explicit);
        assertThat(CairnHome.resolve(props("  "), Map.of(CairnHome.ENV, ""), "Linux", HOME))
                .as("blank settings are ignored").isEqualTo(HOME.resolve(".local/share/cairn"));
    }

    @Test
    void linuxUsesTheXdgDataFolder() {
        Path xdg = Path.of("/data/ann").toAbsolutePath();
        assertThat(CairnHome.resolve(props(null), Map.of("XDG_DATA_HOME", xdg.toString()), "Linux", HOME))
                .isEqualTo(xdg.resolve("cairn"));
        assertThat(CairnHome.resolve(props(null), Map.of(), "Linux", HOME))
                .isEqualTo(HOME.resolve(".local").resolve("share").resolve("cairn"));
        assertThat(CairnHome.resolve(props(null), Map.of("XDG_DATA_HOME", "relative/dir"), "FreeBSD", HOME))
                .as("a relative XDG_DATA_HOME is ignored").isEqualTo(HOME.resolve(".local/share/cairn"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(CairnHome.resolve(props(null), Map.of(), "Mac OS X", HOME))
                .isEqualTo(HOME.resolve("Library").resolve("Application Support").resolve("Cairn"));
    }

    @Test
    void windowsUsesLocalAppData() {
        Path local = Path.of("/users/ann/AppData/Local").toAbsolutePath();
        assertThat(CairnHome.resolve(props(null), Map.of("LOCALAPPDATA", local.toString()), "Windows 11", HOME))
                .isEqualTo(local.resolve("Cairn"));
        assertThat(CairnHome.resolve(props(null), Map.of(), "Windows 10", HOME))
                .isEqualTo(HOME.resolve("AppData").resolve("Local").resolve("Cairn"));
    }
}
