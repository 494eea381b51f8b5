package dev.cairn.engine.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.storage.EventLogException;
import dev.cairn.engine.storage.LocalProcess;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;

/** The event log shared with, held by, and killed in other real JVMs. */
class H2EventLogProcessTest {

    @TempDir
    Path dir;

    @Test
    void everyCommittedEventSurvivesASigkillAndTheRunIsFailed() throws Exception {
        Path db = dir.resolve("eventlog");
        List<Long> printed = new ArrayList<>();
        long childPid;
        try (ChildJvm child = ChildJvm.start(dir)) {
            childPid = child.pid();
            assertThat(child.ask("open " + db + " EXCLUSIVE")).isEqualTo("OPENED");
            assertThat(child.ask("run doomed")).isEqualTo("OK");
            child.ask("write-until-killed doomed");
            while (printed.size() < 400) {
                printed.add(Long.parseLong(child.nextLine().substring(3)));
            }
            child.kill();
            // Lines already printed before the kill are committed too.
            for (String line : child.remainingLines()) {
                printed.add(Long.parseLong(line.substring(3)));
            }
        }

        try (H2EventLog log = H2EventLog.open(db, H2EventLog.Mode.EXCLUSIVE)) {
            List<Event> events = log.eventsAfter("doomed", 0, Integer.MAX_VALUE);
            Set<Long> stored = events.stream().map(Event::id).collect(Collectors.toSet());
            assertThat(stored).containsAll(printed);

            assertThat(log.orphanedRunsFailedOnOpen()).containsExactly("doomed");
            RunRecord run = log.run("doomed").orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.FAILURE);
            assertThat(run.failureReason()).contains("pid " + childPid).contains("gone");
            Event last = events.get(events.size() - 1);
            assertThat(last.type()).isEqualTo(EventType.RUN_FAILURE);
            assertThat(last.data()).isEqualTo(new EventData.RunEnded(run.failureReason()));
            assertThat(log.latestMaterializations()).isNotEmpty();
        }
    }

    @Test
    void aLogHeldByAnotherProcessIsReportedAsInUse() throws Exception {
        Path db = dir.resolve("eventlog");
        try (ChildJvm child = ChildJvm.start(dir)) {
            assertThat(child.ask("open " + db + " EXCLUSIVE")).isEqualTo("OPENED");

            for (H2EventLog.Mode mode : H2EventLog.Mode.values()) {
                EventLogException e = assertThrows(EventLogException.class, () -> H2EventLog.open(db, mode));
                assertThat(e.kind()).isEqualTo(EventLogException.Kind.IN_USE);
                assertThat(e.getMessage()).contains(db + ".mv.db").contains("in use by another Cairn process");
            }

            assertThat(child.ask("close")).isEqualTo("CLOSED");
            try (H2EventLog log = H2EventLog.open(db, H2EventLog.Mode.EXCLUSIVE)) {
                assertThat(log.runs(null, 10)).isEmpty();
            }
        }
    }

    @Test
    void twoProcessesShareALogThroughALoopbackOnlyServer() throws Exception {
        Path db = dir.resolve("eventlog");
        try (ChildJvm child = ChildJvm.start(dir)) {
            // The child opens first, so it runs the server the test connects to.
            assertThat(child.ask("open " + db + " SHARED")).isEqualTo("OPENED");
            int port = serverPortInLockFile(db);
            assertListensOnLoopbackOnly(port);
            assertThat(assertThrows(EventLogException.class, () -> H2EventLog.open(db, H2EventLog.Mode.EXCLUSIVE))
                    .kind()).as("an exclusive opener is refused").isEqualTo(EventLogException.Kind.IN_USE);

            try (H2EventLog log = H2EventLog.open(db, H2EventLog.Mode.SHARED)) {
                assertThat(child.ask("run child-run")).isEqualTo("OK");
                log.createRun(new RunRecord("parent-run", RunStatus.STARTED, "*", List.of(), Instant.now(), null,
                        LocalProcess.pid(), LocalProcess.host(), null));

                CompletableFuture<String> childWrites = CompletableFuture.supplyAsync(
                        () -> child.ask("append child-run 150"));
                List<Long> parentIds = new ArrayList<>();
                for (int i = 0; i < 150; i++) {
                    parentIds.add(log.append(EventLogChild.event("parent-run", i)).id());
                }
                List<Long> childIds = Arrays.stream(childWrites.get().substring(4).split(","))
                        .map(Long::valueOf).toList();

                assertThat(log.eventsAfter("child-run", 0, 1000)).extracting(Event::id)
                        .containsExactlyElementsOf(childIds);
                assertThat(child.ask("count parent-run")).isEqualTo("COUNT 150");
                assertThat(Collections.disjoint(parentIds, childIds)).isTrue();
                // The child is alive: opening the log did not fail its run.
                assertThat(log.run("child-run")).map(RunRecord::status).contains(RunStatus.STARTED);
                assertThat(log.failOrphanedRuns()).isEmpty();

                assertThat(child.ask("close")).isEqualTo("CLOSED");
                // The server's process left: the parent reconnects and carries on.
                assertThat(log.append(EventLogChild.event("parent-run", 1000)).id()).isPositive();
                assertThat(log.eventsAfter("parent-run", 0, 1000)).hasSize(151);
            }
        }
    }

    @Test
    void sharingIsRefusedWhenH2WouldListenBeyondLoopback() throws Exception {
        Path db = dir.resolve("eventlog");
        try (ChildJvm child = ChildJvm.start(dir, "-Dh2.bindAddress=0.0.0.0")) {
            assertThat(child.ask("open " + db + " SHARED"))
                    .startsWith("ERROR UNSAFE_SHARING").contains("-Dh2.bindAddress=127.0.0.1");
            assertThat(child.ask("open " + db + " EXCLUSIVE")).isEqualTo("OPENED");
        }
    }

    /** The address H2 published for other processes, as {@code server=host:port} in the lock file. */
    private static int serverPortInLockFile(Path db) throws IOException {
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(db + ".lock.db"))) {
            lock.load(in);
        }
        String server = lock.getProperty("server");
        assertThat(server).as("server address in the lock file").isNotNull();
        int colon = server.lastIndexOf(':');
        assertThat(InetAddress.getByName(server.substring(0, colon)).isLoopbackAddress())
                .as("published server " + server + " is a loopback address").isTrue();
        return Integer.parseInt(server.substring(colon + 1));
    }

    private static void assertListensOnLoopbackOnly(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        List<InetAddress> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                // f[1] is the local address:port in hex, f[3] the state; 0A is LISTEN.
                if (f.length > 3 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                    listening.add(procNetAddress(f[1].substring(0, f[1].indexOf(':'))));
                }
            }
        }
        if (Files.exists(Path.of("/proc/net/tcp"))) {
            assertThat(listening).as("addresses listening on port " + port).isNotEmpty()
                    .allMatch(InetAddress::isLoopbackAddress);
        }
        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        }
        for (InetAddress address : nonLoopbackAddresses()) {
            try (Socket outside = new Socket()) {
                assertThatThrownBy(() -> outside.connect(new InetSocketAddress(address, port), 2000))
                        .as("connecting through " + address).isInstanceOf(ConnectException.class);
            }
        }
    }

    /** An address as /proc/net/tcp(6) prints it: 32-bit words in hex, each in little-endian order. */
    private static InetAddress procNetAddress(String hex) throws UnknownHostException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = (word * 4 + 3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes);
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        List<InetAddress> found = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                nic.inetAddresses().filter(a -> a instanceof Inet4Address).forEach(found::add);
            }
        }
        return found;
    }
}
