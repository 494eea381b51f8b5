package dev.cairn.engine.storage.h2;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.cairn.api.MetadataValue;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.events.LogLevel;
import dev.cairn.engine.storage.EventLogException;
import dev.cairn.engine.storage.LocalProcess;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;

/**
 * A second process using an event log, driven line by line on stdin by {@link ChildJvm}:
 * {@code open <db> <mode>}, {@code run <id>}, {@code append <run> <n>}, {@code count <run>},
 * {@code write-until-killed <run>}, {@code close}. Each command answers one line on stdout.
 */
public final class EventLogChild {

    private EventLogChild() { }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        H2EventLog log = null;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] cmd = line.split(" ");
            try {
                switch (cmd[0]) {
                    case "open" -> {
                        log = H2EventLog.open(Path.of(cmd[1]), H2EventLog.Mode.valueOf(cmd[2]));
                        out.println("OPENED");
                    }
                    case "run" -> {
                        log.createRun(new RunRecord(cmd[1], RunStatus.STARTED, "*", List.of(), Instant.now(), null,
                                LocalProcess.pid(), LocalProcess.host(), null));
                        out.println("OK");
                    }
                    case "append" -> {
                        List<Event> stored = new ArrayList<>();
                        for (int i = 0; i < Integer.parseInt(cmd[2]); i++) {
                            stored.add(log.append(event(cmd[1], i)));
                        }
                        out.println("IDS " + stored.stream().map(e -> Long.toString(e.id()))
                                .collect(Collectors.joining(",")));
                    }
                    case "count" -> out.println("COUNT " + log.eventsAfter(cmd[1], 0, Integer.MAX_VALUE).size());
                    case "write-until-killed" -> writeUntilKilled(log, cmd[1], out);
                    case "close" -> {
                        log.close();
                        out.println("CLOSED");
                    }
                    default -> out.println("ERROR unknown command " + line);
                }
            } catch (EventLogException e) {
                out.println("ERROR " + e.kind() + " " + e.getMessage());
            }
        }
    }

    /** Appends forever, single events and batches, printing each id once its commit returned. */
    private static void writeUntilKilled(H2EventLog log, String runId, PrintStream out) {
        for (int i = 0; ; i++) {
            if (i % 2 == 0) {
                out.println("ID " + log.append(event(runId, i)).id());
            } else {
                List<Event> batch = new ArrayList<>();
                for (int j = 0; j < 5; j++) {
                    batch.add(event(runId, i * 10 + j));
                }
                for (Event e : log.appendAll(batch)) {
                    out.println("ID " + e.id());
                }
            }
        }
    }

    static Event event(String runId, int i) {
        if (i % 3 == 0) {
            return Event.of(runId, EventType.ASSET_MATERIALIZATION, "asset" + (i % 10), LogLevel.INFO, "m " + i,
                    new EventData.Materialized(Map.of("i", MetadataValue.of(i)), 1, "v1", "d" + i,
                            EventData.DataVersionSource.CONTENT_HASH, Map.of()));
        }
        return Event.of(runId, EventType.LOG, null, LogLevel.INFO, "line " + i, EventData.NONE);
    }
}
