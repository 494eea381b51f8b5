-- Cairn event log, schema 1. Flyway runs this file once per database; never edit it once
-- released: add a V2__... file instead.
--
-- Index design: H2 walks an index in ORDER BY order only when the ORDER BY names the whole index
-- prefix, so every paged query below orders by all the columns of the index it uses.

-- One row per run; seq gives the order runs were created in, for paging newest first.
CREATE TABLE runs (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id         VARCHAR(200)  NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    selection      VARCHAR,
    asset_keys     CHARACTER LARGE OBJECT NOT NULL, -- JSON array; tens of thousands of keys exceed a VARCHAR
    started_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    ended_at       TIMESTAMP(9) WITH TIME ZONE,
    pid            BIGINT        NOT NULL,
    host           VARCHAR,
    failure_reason VARCHAR,
    CONSTRAINT runs_run_id UNIQUE (run_id)
);
CREATE INDEX runs_by_status ON runs (status);

-- Every event. message and data (the EventData as JSON) are VARCHARs, twice as fast as CLOBs;
-- an event whose message or data exceeds a VARCHAR keeps both in big_body as
-- {"message": ..., "data": ...} and leaves message and data NULL.
CREATE TABLE events (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id        VARCHAR(200) NOT NULL,
    type          VARCHAR(40)  NOT NULL,
    ts            TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    asset_key     VARCHAR,
    partition_key VARCHAR,
    level         VARCHAR(10)  NOT NULL,
    message       VARCHAR,
    data          VARCHAR,
    big_body      CHARACTER LARGE OBJECT
);
-- Live tailing: WHERE run_id = ? AND id > ? ORDER BY run_id, id.
CREATE INDEX events_by_run ON events (run_id, id);
-- History: WHERE asset_key = ? AND type = ? AND id < ? ORDER BY asset_key DESC, type DESC, id DESC.
CREATE INDEX events_by_asset ON events (asset_key, type, id);
-- No foreign key to runs: H2 would maintain one more index per event. The writer checks that
-- the run exists instead.

-- The latest materialization, observation and step failure of every asset, kept in the same
-- transaction as the event. It holds a copy of the event's columns, so that reading the state of
-- 10,000 assets is one scan of this small table, not 10,000 lookups into events. data is NULL when
-- the event's data went to events.big_body (read it from there) and for failures (staleness needs
-- only their id and time). type leads the key: WHERE type = ? reads one range of it, not the table.
CREATE TABLE asset_latest (
    asset_key     VARCHAR      NOT NULL,
    type          VARCHAR(40)  NOT NULL, -- ASSET_MATERIALIZATION, ASSET_OBSERVATION or STEP_FAILURE
    event_id      BIGINT       NOT NULL,
    run_id        VARCHAR(200) NOT NULL,
    partition_key VARCHAR,
    ts            TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    data          VARCHAR,
    PRIMARY KEY (type, asset_key)
);

-- The latest materialization of every partition of partitioned assets (partition_key not NULL).
CREATE TABLE partition_latest (
    asset_key     VARCHAR NOT NULL,
    partition_key VARCHAR NOT NULL,
    event_id      BIGINT  NOT NULL,
    PRIMARY KEY (asset_key, partition_key)
);

-- Numeric metadata, for charts: one series per asset and metadata key ...
CREATE TABLE metadata_series (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    asset_key VARCHAR NOT NULL,
    meta_key  VARCHAR NOT NULL,
    CONSTRAINT metadata_series_key UNIQUE (asset_key, meta_key)
);

-- ... and one point per IntValue or FloatValue entry of a materialization. H2 stores a table's rows
-- in the order of a single BIGINT primary key, so point packs the series id (high 23 bits) and the
-- event id (low 40 bits): a series is one range scan of adjacent rows, in event order, with no
-- secondary index to maintain or look up. That reads 100,000 points 2 to 3 times faster, and writes
-- them 6 times faster, than an index on (asset_key, meta_key, event_id). The rows are kept narrow
-- for the same reason: the time as nanoseconds since 1970, the run as runs.seq.
CREATE TABLE metadata_points (
    point         BIGINT           PRIMARY KEY, -- series id * 2^40 + event id
    num_value     DOUBLE PRECISION NOT NULL,
    ts_nanos      BIGINT           NOT NULL,
    run_seq       BIGINT           NOT NULL,
    partition_key VARCHAR
);

-- The points with readable columns, for looking at the log with SQL. Cairn does not query it.
CREATE VIEW numeric_metadata AS
SELECT BITAND(p.point, 1099511627775) AS event_id, s.asset_key, s.meta_key, p.num_value,
       p.ts_nanos, r.run_id, p.partition_key
FROM metadata_points p
JOIN metadata_series s ON s.id = RSHIFT(p.point, 40)
JOIN runs r ON r.seq = p.run_seq;
