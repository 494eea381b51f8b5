package dev.cairn.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.engine.storage.LocalProcess;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;
import dev.cairn.engine.storage.h2.H2EventLog;

class WorkspaceTest {

    @TempDir
    Path dir;

    private Path jar(String relative) throws IOException {
        Path jar = dir.resolve(relative);
        Files.createDirectories(jar.getParent());
        return Files.write(jar, new byte[] {'P', 'K'});
    }

    @Test
    void aJarsWorkspaceLivesUnderTheCairnHomeNeverNextToTheJar() throws IOException {
        Path jar = jar("projects/acme/target/acme-assets-1.0.jar");
        Path home = dir.resolve("home");

        Workspace ws = Workspace.forJar(jar, home);

        assertThat(ws.folder().getParent()).isEqualTo(home.toAbsolutePath().resolve("workspaces"));
        assertThat(ws.folder().getFileName().toString()).matches("acme-assets-1\\.0-[0-9a-f]{12}");
        assertThat(ws.folder().startsWith(jar.getParent())).isFalse();
        assertThat(ws.jar()).isEqualTo(jar.toRealPath());
        assertThat(ws.eventLogDatabase()).isEqualTo(ws.folder().resolve("eventlog"));
        assertThat(ws.storageFolder()).isEqualTo(ws.folder().resolve("storage"));
        assertThat(Files.exists(ws.folder())).as("creating the value does no I/O").isFalse();
    }

    @Test
    void jarsOfTheSameNameGetTheirOwnWorkspacesAndOneJarAlwaysTheSame() throws IOException {
        Path home = dir.resolve("home");
        Path a = jar("a/assets.jar");
        Path b = jar("b/assets.jar");
        Path link = Files.createSymbolicLink(dir.resolve("link.jar"), a);

        assertThat(Workspace.forJar(a, home).folder()).isNotEqualTo(Workspace.forJar(b, home).folder());
        assertThat(Workspace.forJar(dir.resolve("b/../a/./assets.jar"), home).folder())
                .isEqualTo(Workspace.forJar(a, home).folder());
        assertThat(Workspace.forJar(link, home).folder()).isEqualTo(Workspace.forJar(a, home).folder());
    }

    @Test
    void jarNamesAreMadeSafeForEveryFileSystem() {
        assertThat(Workspace.folderName(Path.of("/x/My Assets (copy).JAR"))).matches("My_Assets_copy_-[0-9a-f]{12}");
        assertThat(Workspace.folderName(Path.of("/x/.jar"))).matches("jar-[0-9a-f]{12}");
        assertThat(Workspace.folderName(Path.of("/x/ünïcode:*?.jar"))).matches("n_code_-[0-9a-f]{12}");
        assertThat(Workspace.folderName(Path.of("/x/" + "long".repeat(30) + ".jar")))
                .matches("(long){10}-[0-9a-f]{12}");
    }

    @Test
    void creatingAWorkspaceRecordsItsJarOnce() throws IOException {
        Path jar = jar("app.jar");
        Workspace ws = Workspace.forJar(jar, dir.resolve("home"));
        assertThat(ws.recordedJar()).isEmpty();

        ws.create();

        assertThat(ws.storageFolder()).isDirectory();
        assertThat(ws.recordedJar()).contains(jar.toRealPath());
        assertThat(Files.readString(ws.folder().resolve(Workspace.INFO_FILE))).contains("\"format\":1")
                .contains("\"createdAt\"");

        Workspace chosen = Workspace.at(ws.folder(), jar("other.jar")).create();
        assertThat(chosen.recordedJar()).as("the first owner is kept").contains(jar.toRealPath());
    }

    @Test
    void theEventLogLivesInTheWorkspace() throws IOException {
        Workspace ws = Workspace.forJar(jar("app.jar"), dir.resolve("home"));
        try (H2EventLog log = ws.openEventLog()) {
            log.createRun(new RunRecord("r", RunStatus.STARTED, "*", List.of(), Instant.now(), null,
                    LocalProcess.pid(), LocalProcess.host(), null));
        }
        assertThat(ws.folder().resolve("eventlog.mv.db")).isRegularFile();
        try (H2EventLog log = ws.openEventLog(H2EventLog.Mode.SHARED)) {
            assertThat(log.run("r")).isPresent();
        }
    }

    @Test
    void problemsWithTheFolderAreClearErrors() throws IOException {
        Path blocker = Files.writeString(dir.resolve("home"), "a file where a folder should be");
        Workspace ws = Workspace.forJar(jar("app.jar"), blocker);
        assertThatThrownBy(ws::create).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining(ws.folder().toString()).hasMessageContaining("CAIRN_HOME");

        Workspace broken = Workspace.at(dir.resolve("broken"), jar("app.jar")).create();
        Files.writeString(broken.folder().resolve(Workspace.INFO_FILE), "{not json");
        assertThatThrownBy(broken::recordedJar).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining(Workspace.INFO_FILE);
    }
}
