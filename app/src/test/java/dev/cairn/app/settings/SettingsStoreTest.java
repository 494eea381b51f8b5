package dev.cairn.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void savedSettingsAreReadBack() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("nested").resolve("app-settings.json"));
        AppSettings settings = AppSettings.defaults().withOpened("/a.jar").withOpened("/b.jar").withOpened("/a.jar")
                .withLayout(new AppSettings.WindowBounds(10, 20, 1200, 800, true), 0.7, 0.6, 0.3).withDark(true);

        store.save(settings);

        AppSettings read = store.load();
        assertThat(read).isEqualTo(settings);
        assertThat(read.lastJar()).isEqualTo("/a.jar");
        assertThat(read.recentJars()).containsExactly("/a.jar", "/b.jar");
    }

    @Test
    void aDamagedOrMissingFileGivesTheDefaults() throws Exception {
        Path file = dir.resolve("app-settings.json");
        assertThat(new SettingsStore(file).load()).isEqualTo(AppSettings.defaults());
        Files.writeString(file, "{ not json");
        assertThat(new SettingsStore(file).load()).isEqualTo(AppSettings.defaults());
    }

    @Test
    void recentJarsAreCappedAndMissingOnesForgotten() {
        AppSettings s = AppSettings.defaults();
        for (int i = 0; i < 15; i++) {
            s = s.withOpened("/jar" + i + ".jar");
        }
        assertThat(s.recentJars()).hasSize(AppSettings.MAX_RECENT).first().isEqualTo("/jar14.jar");
        AppSettings without = s.withoutRecent("/jar14.jar");
        assertThat(without.recentJars()).doesNotContain("/jar14.jar");
        assertThat(without.lastJar()).isNull();
    }

    @Test
    void dividerPositionsOutOfRangeFallBackToTheDefaults() {
        AppSettings s = new AppSettings(null, null, null, 0, 2, -1, false);
        assertThat(s.graphDivider()).isEqualTo(AppSettings.defaults().graphDivider());
        assertThat(s.runPanelDivider()).isEqualTo(AppSettings.defaults().runPanelDivider());
        assertThat(s.recentJars()).isEmpty();
    }
}
