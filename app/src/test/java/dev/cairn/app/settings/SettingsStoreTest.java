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
        SettingsStore store = SettingsStore.in(dir.resolve("nested"));
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
        assertThat(SettingsStore.in(dir).load()).isEqualTo(AppSettings.defaults());
        Files.write(dir.resolve("app-settings.properties"), new byte[] {(byte) 0xff, '\\', 'u', 'z', 'z'});
        assertThat(SettingsStore.in(dir).load()).isEqualTo(AppSettings.defaults());
        Files.writeString(dir.resolve("app-settings.properties"), "graphDivider=wide\ndark=true\nrecentJar.0=/a.jar\n");
        AppSettings partly = SettingsStore.in(dir).load();
        assertThat(partly.graphDivider()).isEqualTo(AppSettings.defaults().graphDivider());
        assertThat(partly.dark()).isTrue();
        assertThat(partly.recentJars()).containsExactly("/a.jar");
    }

    @Test
    void settingsOfEarlierVersionsAreReadUntilTheFirstSave() throws Exception {
        Files.writeString(dir.resolve("app-settings.json"), """
                {"lastJar":"/old.jar","recentJars":["/old.jar","/older.jar"],"window":{"x":5,"y":6,"width":1000,
                 "height":700,"maximized":false},"graphDivider":0.6,"runPanelDivider":0.5,"runListDivider":0.3,"dark":true}
                """);
        SettingsStore store = SettingsStore.in(dir);
        AppSettings old = store.load();
        assertThat(old.recentJars()).containsExactly("/old.jar", "/older.jar");
        assertThat(old.window()).isEqualTo(new AppSettings.WindowBounds(5, 6, 1000, 700, false));
        assertThat(old.dark()).isTrue();

        store.save(old.withDark(false));

        assertThat(store.load()).isEqualTo(old.withDark(false));
        assertThat(store.file().getFileName().toString()).isEqualTo("app-settings.properties");
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
