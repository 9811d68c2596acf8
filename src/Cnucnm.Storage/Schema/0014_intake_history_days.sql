-- Live herd: a group's intake days imported from a farm's own records (its TMR software, feeding sheets), for days older
-- than the sensor ingest accepts. One row per group and day: importing the same day again replaces it, so the same file
-- twice stores the same thing. A day with bunk-scale readings (intake_group_days) is read from the readings; the import
-- refuses such days.
CREATE TABLE IF NOT EXISTS intake_history_days
(
    group_id            uuid             NOT NULL,
    local_day           date             NOT NULL,   -- the farm's calendar day
    delivered_kg_as_fed double precision NOT NULL,
    refused_kg_as_fed   double precision NOT NULL,
    dry_matter_kg       double precision NOT NULL,   -- (delivered − refused) as dry matter
    head_count          integer          NOT NULL,   -- head fed that day, as the record says
    imported_at         timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, local_day)
);
