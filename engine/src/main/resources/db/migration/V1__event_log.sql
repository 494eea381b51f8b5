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

-- Every IntValue and FloatValue metadata entry of every materialization, for charts:
-- WHERE asset_key = ? AND meta_key = ? ORDER BY asset_key, meta_key, event_id.
-- The index holds every column, so a series is read from the index alone, in order: 10x faster
-- than an index on the key columns followed by a lookup of every row.
CREATE TABLE numeric_metadata (
    asset_key     VARCHAR          NOT NULL,
    meta_key      VARCHAR          NOT NULL,
    event_id      BIGINT           NOT NULL,
    num_value     DOUBLE PRECISION NOT NULL,
    ts            TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    run_id        VARCHAR(200)     NOT NULL,
    partition_key VARCHAR
);
CREATE INDEX numeric_metadata_series
    ON numeric_metadata (asset_key, meta_key, event_id, num_value, ts, run_id, partition_key);
