-- Live herd: sensor intake readings (the durable fact behind every intake figure) and alerts.

-- One row per (farm, device, sequence): a retried batch stores nothing twice.
CREATE TABLE IF NOT EXISTS intake_readings
(
    farm_id             uuid             NOT NULL,
    device_id           text             NOT NULL,
    sequence            bigint           NOT NULL,
    group_id            uuid             NOT NULL,
    feed_id             text             NOT NULL,
    measured_at         timestamptz      NOT NULL,
    local_day           date             NOT NULL,   -- the farm's calendar day of measured_at
    delivered_kg_as_fed double precision NOT NULL,
    refused_kg_as_fed   double precision NOT NULL,
    dry_matter_fraction double precision NOT NULL,   -- of the feed (or ration mix) when received
    dry_matter_kg       double precision NOT NULL,   -- (delivered − refused) × DM fraction
    received_at         timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (farm_id, device_id, sequence)
);
CREATE INDEX IF NOT EXISTS ix_intake_readings_group_day ON intake_readings (group_id, local_day);

CREATE TABLE IF NOT EXISTS alerts
(
    id              uuid        NOT NULL PRIMARY KEY,
    farm_id         uuid        NOT NULL,
    group_id        uuid        NULL,
    kind            text        NOT NULL,
    severity        text        NOT NULL,
    title           text        NOT NULL,
    detail          text        NOT NULL,
    dedupe_key      text        NOT NULL,
    raised_at       timestamptz NOT NULL,
    acknowledged_at timestamptz NULL,
    acknowledged_by text        NULL
);
-- At most one open alert per condition.
CREATE UNIQUE INDEX IF NOT EXISTS ux_alerts_open ON alerts (farm_id, dedupe_key) WHERE acknowledged_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_alerts_farm_raised ON alerts (farm_id, raised_at DESC);
