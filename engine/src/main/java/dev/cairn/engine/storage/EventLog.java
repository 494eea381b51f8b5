package dev.cairn.engine.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cairn.engine.events.Event;

/**
 * The durable record of every run, step, log line, materialization and observation.
 *
 * <p>Writing: {@link #append(Event)} stores an event and, in the same transaction, keeps the runs
 * table and the latest-materialization summary up to date. When it returns, the event is
 * committed and survives a kill of the process.
 *
 * <p>All methods are safe to call from several threads.
 */
public interface EventLog extends AutoCloseable {

    /** Records a new run in status STARTED; its RUN_STARTED event is appended separately. */
    void createRun(RunRecord run);

    /**
     * Stores an event and returns it with its id. Run-ending events set the run's status, end
     * time and failure reason; materializations and observations update the latest-per-asset summary.
     */
    Event append(Event event);

    /** Stores several events in one transaction, in order; returns them with their ids. */
    List<Event> appendAll(List<Event> events);

    /** The run with this id. */
    Optional<RunRecord> run(String runId);

    /**
     * Runs, newest first.
     *
     * @param beforeRunId return only runs started before this one (for paging), or {@code null}
     * @param limit at most this many
     */
    List<RunRecord> runs(String beforeRunId, int limit);

    /** Events of a run with an id greater than {@code afterId}, oldest first, at most {@code limit}. */
    List<Event> eventsAfter(String runId, long afterId, int limit);

    /** The latest materialization of every asset that has one (unpartitioned or latest of any partition). */
    Map<String, MaterializationRecord> latestMaterializations();

    /** The latest materialization of one asset. */
    Optional<MaterializationRecord> latestMaterialization(String assetKey);

    /** The latest observation of every observed source asset. */
    Map<String, ObservationRecord> latestObservations();

    /**
     * The latest STEP_FAILURE of every asset that ever failed. Whether it is more recent than the
     * asset's latest materialization is for the caller to compare (by event id).
     */
    Map<String, FailureRecord> latestFailures();

    /**
     * Materializations of an asset, newest first.
     *
     * @param beforeEventId only those older than this event id (for paging), or {@code null}
     * @param limit at most this many
     */
    List<MaterializationRecord> materializationHistory(String assetKey, Long beforeEventId, int limit);

    /** Every value of a numeric metadata entry of an asset, oldest first. */
    List<MetadataPoint> metadataSeries(String assetKey, String metadataKey);

    /**
     * The same values as {@link #metadataSeries}, by event id, without their times and runs: for
     * charts of long histories, which read these from {@link #durationSeries} once.
     */
    SeriesValues metadataValues(String assetKey, String metadataKey);

    /**
     * The keys of an asset's numeric (int or float) metadata entries that any materialization ever
     * carried, in alphabetical order: what {@link #metadataSeries} can chart. Cairn's own series, such
     * as {@link #DURATION_SERIES}, are not among them.
     */
    List<String> numericMetadataKeys(String assetKey);

    /**
     * The series under which a log keeps every materialization's duration in milliseconds, next to
     * the numeric metadata; keys starting with {@code cairn:} are Cairn's own.
     */
    String DURATION_SERIES = "cairn:duration_ms";

    /** How the keys of Cairn's own series begin. */
    String CAIRN_SERIES_PREFIX = "cairn:";

    /** The duration in milliseconds of every materialization of an asset, oldest first, ready to chart. */
    List<MetadataPoint> durationSeries(String assetKey);

    /**
     * The same as {@link #durationSeries}, in columns: for charts of long histories, where an object
     * per materialization costs more than reading it.
     */
    SeriesColumns durationColumns(String assetKey);

    /**
     * Marks runs still STARTED whose process is no longer alive as FAILURE, with the reason, and
     * appends a RUN_FAILURE event for each. Called when the log is opened.
     *
     * @return the ids of the runs marked
     */
    List<String> failOrphanedRuns();

    @Override
    void close();
}
