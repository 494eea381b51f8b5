package dev.cairn.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.api.Asset;
import dev.cairn.api.AssetContext;
import dev.cairn.api.MetadataValue;
import dev.cairn.api.Output;
import dev.cairn.api.ResourceKey;
import dev.cairn.api.Retry;
import dev.cairn.api.SourceAsset;
import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.execution.Fixtures.Attempts;
import dev.cairn.engine.execution.Fixtures.ConcurrencyProbe;
import dev.cairn.engine.execution.Fixtures.Gate;
import dev.cairn.engine.execution.Fixtures.Greeter;
import dev.cairn.engine.execution.Fixtures.Knob;
import dev.cairn.engine.execution.Fixtures.Prefix;
import dev.cairn.engine.execution.Fixtures.Rendezvous;
import dev.cairn.engine.io.FilesystemIOManager;
import dev.cairn.engine.io.InMemoryIOManager;
import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;

/**
 * What every run must do, whatever event log records it. Subclasses provide the log.
 */
abstract class RunExecutorContract {

    protected EventLog eventLog;

    /** A new, empty event log. */
    protected abstract EventLog newEventLog() throws Exception;

    @BeforeEach
    void openLog() throws Exception {
        eventLog = newEventLog();
    }

    @AfterEach
    void closeLog() {
        eventLog.close();
    }

    // ---- test assets ----------------------------------------------------------------------------

    public static class Chain {
        @Asset(codeVersion = "1")
        public static List<Integer> numbers() {
            return List.of(1, 2, 3);
        }

        @Asset(codeVersion = "1")
        public static int total(List<Integer> numbers) {
            return numbers.stream().mapToInt(Integer::intValue).sum();
        }

        @Asset(codeVersion = "1")
        public static String report(int total, List<Integer> numbers) {
            return numbers.size() + " numbers, total " + total;
        }
    }

    public static class Parallel {
        @Asset
        public static void left(Rendezvous r) throws InterruptedException {
            r.meet();
        }

        @Asset
        public static void right(Rendezvous r) throws InterruptedException {
            r.meet();
        }
    }

    public static class Bounded {
        @Asset
        public static void one(ConcurrencyProbe p) throws InterruptedException {
            p.visit();
        }

        @Asset
        public static void two(ConcurrencyProbe p) throws InterruptedException {
            p.visit();
        }

        @Asset
        public static void three(ConcurrencyProbe p) throws InterruptedException {
            p.visit();
        }
    }

    public static class WithResources {
        @Asset
        public static String byType(Prefix prefix) {
            return prefix.text() + "typed";
        }

        @Asset
        public static String byKey(@ResourceKey("formal") Greeter greeter) {
            return greeter.greeting();
        }

        @Asset
        public static String fromContext(AssetContext ctx) {
            return ctx.resource("casual", Greeter.class).greeting();
        }
    }

    public static class WithOutput {
        @Asset(codeVersion = "1")
        public static Output<String> versioned(AssetContext ctx) {
            ctx.addOutputMetadata("from_context", MetadataValue.of(1));
            ctx.log().info("computing {} rows", 3);
            return Output.of("value").withMetadata("rows", MetadataValue.of(3)).withDataVersion("snapshot-42");
        }

        @Asset(codeVersion = "1")
        public static String reader(String versioned) {
            return versioned + "!";
        }
    }

    public static class Versions {
        @Asset(codeVersion = "1")
        public static Output<String> base(Knob knob) {
            return Output.of(knob.get()).withDataVersion(knob.get());
        }

        @Asset(codeVersion = "1")
        public static String coded(String base) {
            return base + "+";
        }

        @Asset
        public static String uncoded(String base) {
            return base + "?";
        }
    }

    public static class Provenance {
        @Asset(codeVersion = "1")
        public static String a() {
            return "a";
        }

        @Asset(codeVersion = "1")
        public static void c() {
        }

        @Asset(codeVersion = "1", deps = {"c"})
        public static String b(String a) {
            return a + "b";
        }
    }

    public static class Failing {
        @Asset
        public static String broken() {
            throw new IllegalStateException("boom in broken");
        }

        @Asset
        public static String afterBroken(String broken) {
            return broken;
        }

        @Asset
        public static String further(String afterBroken) {
            return afterBroken;
        }

        @Asset
        public static String independent() {
            return "fine";
        }

        @Asset
        public static String afterIndependent(String independent) {
            return independent + "!";
        }
    }

    public static class Retrying {
        @Asset(retry = @Retry(maxRetries = 2, delayMillis = 10))
        public static String flaky(Attempts attempts) throws IOException {
            if (attempts.next("flaky") < 3) {
                throw new IOException("flaky attempt failed");
            }
            return "ok";
        }

        @Asset(retry = @Retry(maxRetries = 3, delayMillis = 20, backoff = Retry.Backoff.EXPONENTIAL))
        public static String hopeless(Attempts attempts) {
            attempts.next("hopeless");
            throw new IllegalStateException("never works");
        }
    }

    public static class Errors {
        @Asset
        public static int overflow() {
            return recurse(0);
        }

        private static int recurse(int depth) {
            return recurse(depth + 1) + 1;
        }

        @Asset
        public static String missingClass() {
            throw new NoClassDefFoundError("com/example/Missing");
        }

        @Asset
        public static String outOfMemory() {
            throw new OutOfMemoryError("simulated: Java heap space");
        }

        @Asset
        public static String healthy() {
            return "healthy";
        }
    }

    public static class Cancellable {
        @Asset
        public static String cooperative(AssetContext ctx, Gate gate) {
            gate.arrive();
            while (!ctx.isCancelled()) {
                LockSupport.parkNanos(1_000_000);
            }
            return "partial";
        }

        @Asset
        public static String sleeper(Gate gate) throws InterruptedException {
            gate.arrive();
            Thread.sleep(120_000);
            return "late";
        }

        @Asset
        public static String polite(AssetContext ctx, Gate gate) {
            gate.arrive();
            while (!ctx.isCancelled()) {
                LockSupport.parkNanos(1_000_000);
            }
            return "partial";
        }

        @Asset
        public static String afterCooperative(String cooperative) {
            return cooperative;
        }
    }

    public static class TwoStep {
        @Asset(codeVersion = "1")
        public static String upstream() {
            return "up";
        }

        @Asset(codeVersion = "1")
        public static String downstream(String upstream) {
            return upstream + "-down";
        }
    }

    public static class ThreeStep {
        @Asset
        public static String x() {
            return "x";
        }

        @Asset
        public static String y(String x) {
            return x;
        }

        @Asset
        public static String z(String y) {
            return y;
        }
    }

    public static class Committed {
        /** Fails unless the listeners have seen the run start: no user code runs before that. */
        @Asset(codeVersion = "1")
        public static String first(Knob listenersSaw) {
            if (!"RUN_STARTED".equals(listenersSaw.get())) {
                throw new IllegalStateException("ran before the listeners saw RUN_STARTED");
            }
            return "first";
        }

        /** Fails unless the materialization of its upstream is already durable. */
        @Asset(codeVersion = "1")
        public static String second(String first, EventLog log) {
            if (log.latestMaterialization("first").isEmpty()) {
                throw new IllegalStateException("'first' is not committed yet");
            }
            return first + "+second";
        }
    }

    public static class Stored {
        @Asset
        public static List<String> words(Knob knob) {
            return List.of(knob.get(), "fixed");
        }

        @Asset
        public static void sideEffect(List<String> words) {
        }
    }

    public static class Forecast {
        @Asset(codeVersion = "1")
        public static String forecast(double weather) {
            return "it will be " + weather;
        }
    }

    // ---- tests ----------------------------------------------------------------------------------

    @Test
    void stepsRunInTopologicalOrderAndValuesFlowThroughTheIOManager() throws Exception {
        InMemoryIOManager io = new InMemoryIOManager();
        LoadedDefinitions defs = TestDefinitions.of(Chain.class).defaultIo(io).build();

        RunResult result = run(defs, Set.of("numbers", "total", "report"), 2);

        assertThat(result.success()).isTrue();
        assertThat(io.value("report")).contains("3 numbers, total 6");
        List<Event> events = events(result);
        assertThat(events.get(0).type()).isEqualTo(EventType.RUN_STARTED);
        assertThat(((EventData.RunStarted) events.get(0).data()).assetKeys()).containsExactly("numbers", "total", "report");
        assertThat(indexOf(events, EventType.STEP_SUCCESS, "numbers")).isLessThan(indexOf(events, EventType.STEP_STARTED, "total"));
        assertThat(indexOf(events, EventType.STEP_SUCCESS, "total")).isLessThan(indexOf(events, EventType.STEP_STARTED, "report"));
        assertThat(events.get(events.size() - 1).type()).isEqualTo(EventType.RUN_SUCCESS);
        assertThat(typesOf(events, "total")).containsExactly(
                EventType.STEP_STARTED, EventType.ASSET_MATERIALIZATION, EventType.STEP_SUCCESS);
        RunRecord record = eventLog.run(result.run().runId()).orElseThrow();
        assertThat(record.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(record.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(record.host()).isNotBlank();
        assertThat(record.assetKeys()).containsExactly("numbers", "total", "report");
    }

    @Test
    void independentAssetsRunAtTheSameTime() throws Exception {
        LoadedDefinitions defs = TestDefinitions.of(Parallel.class).resource("rendezvous", new Rendezvous()).build();

        // Each asset waits until the other has started: the run only succeeds if they overlap.
        RunResult result = run(defs, Set.of("left", "right"), 2);

        assertThat(result.success()).as(result.run().failureReason()).isTrue();
    }

    @Test
    void parallelismBoundsHowManyStepsRunAtOnce() throws Exception {
        ConcurrencyProbe probe = new ConcurrencyProbe();
        LoadedDefinitions defs = TestDefinitions.of(Bounded.class).resource("probe", probe).build();

        RunResult result = run(defs, Set.of("one", "two", "three"), 1);

        assertThat(result.success()).isTrue();
        assertThat(probe.max()).isEqualTo(1);
    }

    @Test
    void resourcesAreInjectedByTypeByKeyAndThroughTheContext() throws Exception {
        InMemoryIOManager io = new InMemoryIOManager();
        LoadedDefinitions defs = TestDefinitions.of(WithResources.class).defaultIo(io)
                .resource("prefix", new Prefix(">"))
                .resource("formal", new Greeter("Good day"))
                .resource("casual", new Greeter("Hi"))
                .build();

        RunResult result = run(defs, Set.of("byType", "byKey", "fromContext"), 2);

        assertThat(result.success()).isTrue();
        assertThat(io.value("byType")).contains(">typed");
        assertThat(io.value("byKey")).contains("Good day");
        assertThat(io.value("fromContext")).contains("Hi");
    }

    @Test
    void outputMetadataAndUserDataVersionAreRecorded() throws Exception {
        InMemoryIOManager io = new InMemoryIOManager();
        LoadedDefinitions defs = TestDefinitions.of(WithOutput.class).defaultIo(io).build();

        RunResult result = run(defs, Set.of("versioned", "reader"), 2);

        assertThat(result.success()).isTrue();
        assertThat(io.value("versioned")).contains("value");
        assertThat(io.value("reader")).contains("value!");
        EventData.Materialized m = materialization(events(result), "versioned");
        assertThat(m.dataVersion()).isEqualTo("snapshot-42");
        assertThat(m.dataVersionSource()).isEqualTo(EventData.DataVersionSource.USER);
        assertThat(m.codeVersion()).isEqualTo("1");
        assertThat(m.metadata()).containsEntry("rows", MetadataValue.of(3)).containsEntry("from_context", MetadataValue.of(1));
        assertThat(m.durationMillis()).isGreaterThanOrEqualTo(0);
        List<Event> logs = events(result).stream().filter(e -> e.type() == EventType.LOG).toList();
        assertThat(logs).singleElement().satisfies(e -> {
            assertThat(e.assetKey()).isEqualTo("versioned");
            assertThat(e.message()).isEqualTo("computing 3 rows");
        });
    }

    @Test
    void dataVersionHashesCodeAndInputsOrIsUniqueWithoutCodeVersion() throws Exception {
        Knob knob = new Knob("v1");
        LoadedDefinitions defs = TestDefinitions.of(Versions.class).resource("knob", knob).build();
        Set<String> all = Set.of("base", "coded", "uncoded");

        RunResult first = run(defs, all, 2);
        RunResult second = run(defs, all, 2);
        knob.set("v2");
        RunResult third = run(defs, all, 2);

        EventData.Materialized coded1 = materialization(events(first), "coded");
        assertThat(coded1.dataVersionSource()).isEqualTo(EventData.DataVersionSource.CODE_AND_INPUTS);
        assertThat(materialization(events(second), "coded").dataVersion()).isEqualTo(coded1.dataVersion());
        assertThat(materialization(events(third), "coded").dataVersion()).isNotEqualTo(coded1.dataVersion());

        EventData.Materialized uncoded1 = materialization(events(first), "uncoded");
        assertThat(uncoded1.dataVersionSource()).isEqualTo(EventData.DataVersionSource.UNIQUE);
        assertThat(materialization(events(second), "uncoded").dataVersion()).isNotEqualTo(uncoded1.dataVersion());
    }

    @Test
    void theFilesystemIOManagersContentHashIsTheDataVersion(@TempDir Path storage) throws Exception {
        Knob knob = new Knob("same");
        LoadedDefinitions defs = TestDefinitions.of(Stored.class).defaultIo(new FilesystemIOManager(storage))
                .resource("knob", knob).build();
        Set<String> all = Set.of("words", "sideEffect");

        RunResult first = run(defs, all, 2);
        RunResult second = run(defs, all, 2);
        knob.set("changed");
        RunResult third = run(defs, all, 2);

        Path file = storage.resolve("words.json");
        EventData.Materialized words1 = materialization(events(first), "words");
        assertThat(words1.dataVersionSource()).isEqualTo(EventData.DataVersionSource.CONTENT_HASH);
        assertThat(words1.metadata()).containsEntry("path", MetadataValue.path(file)).containsKey("size_bytes");
        // Identical bytes give the identical version although the asset has no code version.
        assertThat(materialization(events(second), "words").dataVersion()).isEqualTo(words1.dataVersion());
        EventData.Materialized words3 = materialization(events(third), "words");
        assertThat(words3.dataVersion()).isNotEqualTo(words1.dataVersion())
                .isEqualTo(HexFormat.of().formatHex(DataVersions.sha256().digest(Files.readAllBytes(file))));
        // A void asset stores nothing: its version cannot come from content.
        assertThat(materialization(events(third), "sideEffect").dataVersionSource())
                .isEqualTo(EventData.DataVersionSource.UNIQUE);
        try (var files = Files.list(storage)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void everyUpstreamIsRecordedWithTheVersionAndEventItWasComputedFrom() throws Exception {
        LoadedDefinitions defs = TestDefinitions.of(Provenance.class).build();

        RunResult first = run(defs, Set.of("a", "b", "c"), 2);

        List<Event> events = events(first);
        Event a = event(events, EventType.ASSET_MATERIALIZATION, "a");
        Event c = event(events, EventType.ASSET_MATERIALIZATION, "c");
        EventData.Materialized b = materialization(events, "b");
        assertThat(b.inputs()).containsOnly(
                Map.entry("a", new EventData.InputVersion(((EventData.Materialized) a.data()).dataVersion(), a.id())),
                Map.entry("c", new EventData.InputVersion(((EventData.Materialized) c.data()).dataVersion(), c.id())));

        // Run alone, b reads both upstreams from storage: the same events are its provenance.
        RunResult second = run(defs, Set.of("b"), 2);
        assertThat(second.success()).isTrue();
        assertThat(materialization(events(second), "b").inputs()).isEqualTo(b.inputs());
    }

    @Test
    void aFailedStepSkipsItsDownstreamWhileTheRestGoesOn() throws Exception {
        LoadedDefinitions defs = TestDefinitions.of(Failing.class).build();

        RunResult result = run(defs, Set.of("broken", "afterBroken", "further", "independent", "afterIndependent"), 2);

        assertThat(result.success()).isFalse();
        assertThat(result.run().status()).isEqualTo(RunStatus.FAILURE);
        assertThat(result.run().failureReason()).contains("'broken'").contains("boom in broken");
        assertThat(result.steps()).containsEntry("broken", StepOutcome.FAILED)
                .containsEntry("afterBroken", StepOutcome.SKIPPED)
                .containsEntry("further", StepOutcome.SKIPPED)
                .containsEntry("independent", StepOutcome.SUCCEEDED)
                .containsEntry("afterIndependent", StepOutcome.SUCCEEDED);
        List<Event> events = events(result);
        EventData.StepFailed failed = (EventData.StepFailed) event(events, EventType.STEP_FAILURE, "broken").data();
        assertThat(failed.error().className()).isEqualTo(IllegalStateException.class.getName());
        assertThat(failed.error().stackTrace()).contains("boom in broken").contains("Failing.broken");
        for (String skipped : List.of("afterBroken", "further")) {
            EventData.StepSkipped s = (EventData.StepSkipped) event(events, EventType.STEP_SKIPPED, skipped).data();
            assertThat(s.reason()).contains("'broken'");
            assertThat(s.failedUpstreams()).containsExactly("broken");
            assertThat(typesOf(events, skipped)).containsExactly(EventType.STEP_SKIPPED);
        }
        Event end = events.get(events.size() - 1);
        assertThat(end.type()).isEqualTo(EventType.RUN_FAILURE);
        assertThat(eventLog.run(result.run().runId()).orElseThrow().failureReason()).contains("'broken'");
    }

    @Test
    void failedAttemptsAreRetriedWithFixedAndExponentialDelays() throws Exception {
        Attempts attempts = new Attempts();
        LoadedDefinitions defs = TestDefinitions.of(Retrying.class).resource("attempts", attempts).build();

        RunResult result = run(defs, Set.of("flaky", "hopeless"), 2);

        assertThat(result.steps()).containsEntry("flaky", StepOutcome.SUCCEEDED).containsEntry("hopeless", StepOutcome.FAILED);
        assertThat(attempts.count("flaky")).isEqualTo(3);
        assertThat(attempts.count("hopeless")).isEqualTo(4);
        List<Event> events = events(result);
        assertThat(retries(events, "flaky")).containsExactly(List.of(1L, 10L), List.of(2L, 10L));
        assertThat(retries(events, "hopeless")).containsExactly(List.of(1L, 20L), List.of(2L, 40L), List.of(3L, 80L));
        EventData.StepFailed last = (EventData.StepFailed) event(events, EventType.STEP_FAILURE, "hopeless").data();
        assertThat(last.attempt()).isEqualTo(4);
        assertThat(events.stream().filter(e -> e.type() == EventType.STEP_STARTED && e.assetKey().equals("hopeless"))
                .map(e -> ((EventData.StepStarted) e.data()).attempt()).toList()).containsExactly(1, 2, 3, 4);
        // Each retry starts no sooner than its delay after the failure that scheduled it.
        List<Event> hopeless = events.stream().filter(e -> "hopeless".equals(e.assetKey())).toList();
        for (int i = 0; i < hopeless.size() - 1; i++) {
            if (hopeless.get(i).type() == EventType.STEP_UP_FOR_RETRY) {
                long delay = ((EventData.StepFailed) hopeless.get(i).data()).retryDelayMillis();
                assertThat(Duration.between(hopeless.get(i).timestamp(), hopeless.get(i + 1).timestamp()).toMillis())
                        .isGreaterThanOrEqualTo(delay - 1);
            }
        }
    }

    @Test
    void errorsThrownByUserCodeFailOnlyTheirStep() throws Exception {
        LoadedDefinitions defs = TestDefinitions.of(Errors.class).build();

        RunResult result = run(defs, Set.of("overflow", "missingClass", "outOfMemory", "healthy"), 2);

        assertThat(result.run().status()).isEqualTo(RunStatus.FAILURE);
        assertThat(result.steps()).containsEntry("healthy", StepOutcome.SUCCEEDED)
                .containsEntry("overflow", StepOutcome.FAILED)
                .containsEntry("missingClass", StepOutcome.FAILED)
                .containsEntry("outOfMemory", StepOutcome.FAILED);
        List<Event> events = events(result);
        assertThat(errorClass(events, "overflow")).isEqualTo(StackOverflowError.class.getName());
        assertThat(errorClass(events, "missingClass")).isEqualTo(NoClassDefFoundError.class.getName());
        assertThat(errorClass(events, "outOfMemory")).isEqualTo(OutOfMemoryError.class.getName());

        // The executor survived: the same definitions run again.
        assertThat(run(defs, Set.of("healthy"), 2).success()).isTrue();
    }

    @Test
    void cancelStopsRunningStepsAndNeverStartsPendingOnes() throws Exception {
        Gate gate = new Gate(2);
        LoadedDefinitions defs = TestDefinitions.of(Cancellable.class).resource("gate", gate).build();
        ExecutionPlan plan = executor(defs).plan(Set.of("cooperative", "sleeper", "polite", "afterCooperative"));
        RunHandle handle = executor(defs).start(plan, RunOptions.defaults("test").withParallelism(2), List.of());
        assertThat(gate.awaitOpen()).isTrue();

        handle.cancel();
        // Prompt: far less than the sleeper's two minutes; the bound only guards against hanging.
        RunResult result = handle.await(Duration.ofSeconds(10));

        assertThat(result.run().status()).isEqualTo(RunStatus.CANCELED);
        assertThat(result.steps().values()).containsOnly(StepOutcome.CANCELED);
        List<Event> events = events(result);
        List<String> started = events.stream().filter(e -> e.type() == EventType.STEP_STARTED).map(Event::assetKey).toList();
        assertThat(started).hasSize(2).doesNotContain("afterCooperative");
        assertThat(events.stream().filter(e -> e.type() == EventType.ASSET_MATERIALIZATION)).isEmpty();
        assertThat(events.stream().filter(e -> e.type() == EventType.STEP_FAILURE).map(Event::assetKey).toList())
                .containsExactlyInAnyOrderElementsOf(started);
        assertThat(events.get(events.size() - 1).type()).isEqualTo(EventType.RUN_CANCELED);
        assertThat(eventLog.run(handle.runId()).orElseThrow().status()).isEqualTo(RunStatus.CANCELED);
    }

    @Test
    void refusesToStartWhenAnUnselectedUpstreamWasNeverMaterialized() throws Exception {
        LoadedDefinitions defs = TestDefinitions.of(TwoStep.class).build();
        RunExecutor executor = executor(defs);

        assertThatThrownBy(() -> executor.plan(Set.of("downstream")))
                .isInstanceOf(PlanningException.class)
                .hasMessageContaining("'upstream'")
                .hasMessageContaining("`+downstream`")
                .satisfies(e -> assertThat(((PlanningException) e).missing()).singleElement()
                        .isEqualTo(new PlanningException.MissingUpstream("upstream", List.of("downstream"), "+downstream")));
        assertThat(eventLog.runs(null, 10)).isEmpty();

        assertThat(run(defs, Set.of("upstream"), 1).success()).isTrue();
        RunResult alone = run(defs, Set.of("downstream"), 1);
        assertThat(alone.success()).isTrue();
        assertThat(((InMemoryIOManager) defs.ioManagers().get("io_manager")).value("downstream")).contains("up-down");
    }

    @Test
    void suggestsSelectingEverythingUpstreamWhenDeeperUpstreamsAreMissingToo() {
        LoadedDefinitions defs = TestDefinitions.of(ThreeStep.class).build();

        assertThatThrownBy(() -> executor(defs).plan(Set.of("z")))
                .isInstanceOf(PlanningException.class)
                .hasMessageContaining("'y'")
                .hasMessageContaining("`*z`");
    }

    @Test
    void eventsAreCommittedBeforeDownstreamStartsAndBeforeListenersSeeThem() throws Exception {
        Knob listenersSaw = new Knob("nothing");
        LoadedDefinitions defs = TestDefinitions.of(Committed.class).resource("log", eventLog)
                .resource("listenersSaw", listenersSaw).build();
        List<Event> seen = Collections.synchronizedList(new ArrayList<>());
        List<String> notYetStored = Collections.synchronizedList(new ArrayList<>());
        RunListener listener = e -> {
            seen.add(e);
            if (e.type() == EventType.RUN_STARTED) {
                listenersSaw.set("RUN_STARTED");
            }
            if (eventLog.eventsAfter(e.runId(), e.id() - 1, 1).stream().noneMatch(s -> s.id() == e.id())) {
                notYetStored.add(e.type() + " " + e.id());
            }
        };

        RunResult result = executor(defs).start(Set.of("first", "second"), RunOptions.defaults("test"), listener).await();

        assertThat(result.success()).as(result.run().failureReason()).isTrue();
        assertThat(notYetStored).isEmpty();
        List<Event> stored = events(result);
        assertThat(seen).extracting(Event::id).containsExactlyElementsOf(stored.stream().map(Event::id).toList());
        assertThat(seen.get(seen.size() - 1).type()).isEqualTo(EventType.RUN_SUCCESS);
        assertThat(eventLog.run(result.run().runId()).orElseThrow().status()).isEqualTo(RunStatus.SUCCESS);
    }

    @Test
    void observableSourcesAreObservedWhenSelectedAndTheirVersionFeedsDownstream() throws Exception {
        InMemoryIOManager io = new InMemoryIOManager().seed("weather", 21.5);
        LoadedDefinitions defs = TestDefinitions.of(Forecast.class).defaultIo(io)
                .source(SourceAsset.of("weather").observedBy(ctx -> {
                    ctx.addOutputMetadata("stations", MetadataValue.of(4));
                    return "weather-v1";
                }))
                .build();

        RunResult unobserved = run(defs, Set.of("forecast"), 1);
        assertThat(materialization(events(unobserved), "forecast").inputs())
                .containsEntry("weather", new EventData.InputVersion(null, 0));

        RunResult observed = run(defs, Set.of("weather", "forecast"), 1);
        assertThat(observed.success()).isTrue();
        assertThat(io.value("forecast")).contains("it will be 21.5");
        List<Event> events = events(observed);
        Event observation = event(events, EventType.ASSET_OBSERVATION, "weather");
        EventData.Observed data = (EventData.Observed) observation.data();
        assertThat(data.dataVersion()).isEqualTo("weather-v1");
        assertThat(data.metadata()).containsEntry("stations", MetadataValue.of(4));
        EventData.InputVersion fed = new EventData.InputVersion("weather-v1", observation.id());
        assertThat(materialization(events, "forecast").inputs()).containsEntry("weather", fed);
        assertThat(eventLog.latestObservations().get("weather").eventId()).isEqualTo(observation.id());

        RunResult later = run(defs, Set.of("forecast"), 1);
        assertThat(materialization(events(later), "forecast").inputs()).containsEntry("weather", fed);
    }

    // ---- helpers --------------------------------------------------------------------------------

    protected RunExecutor executor(LoadedDefinitions defs) {
        return new RunExecutor(defs, eventLog);
    }

    protected RunResult run(LoadedDefinitions defs, Set<String> keys, int parallelism) throws Exception {
        RunExecutor executor = executor(defs);
        return executor.start(executor.plan(keys), RunOptions.defaults(String.join(",", keys)).withParallelism(parallelism),
                List.of()).await(Duration.ofSeconds(60));
    }

    protected List<Event> events(RunResult result) {
        return eventLog.eventsAfter(result.run().runId(), 0, Integer.MAX_VALUE);
    }

    protected static int indexOf(List<Event> events, EventType type, String key) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).type() == type && key.equals(events.get(i).assetKey())) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " of '" + key + "' in " + events);
    }

    protected static Event event(List<Event> events, EventType type, String key) {
        return events.get(indexOf(events, type, key));
    }

    protected static EventData.Materialized materialization(List<Event> events, String key) {
        return (EventData.Materialized) event(events, EventType.ASSET_MATERIALIZATION, key).data();
    }

    private static List<EventType> typesOf(List<Event> events, String key) {
        return events.stream().filter(e -> key.equals(e.assetKey())).map(Event::type).toList();
    }

    private static List<List<Long>> retries(List<Event> events, String key) {
        return events.stream().filter(e -> e.type() == EventType.STEP_UP_FOR_RETRY && key.equals(e.assetKey()))
                .map(e -> (EventData.StepFailed) e.data())
                .map(f -> List.of((long) f.attempt(), f.retryDelayMillis())).toList();
    }

    private static String errorClass(List<Event> events, String key) {
        return ((EventData.StepFailed) event(events, EventType.STEP_FAILURE, key).data()).error().className();
    }
}
