-- Live herd: each group's intake per farm-local day, maintained by the same statement that stores the
-- readings (one transaction), so a group reads its totals by key instead of summing its readings.
CREATE TABLE IF NOT EXISTS intake_group_days
(
    group_id            uuid             NOT NULL,
    local_day           date             NOT NULL,
    delivered_kg_as_fed double precision NOT NULL,
    refused_kg_as_fed   double precision NOT NULL,
    dry_matter_kg       double precision NOT NULL,
    readings            integer          NOT NULL,
    PRIMARY KEY (group_id, local_day)
);

-- Readings stored before this table existed (a no-op on a new database and when run again).
INSERT INTO intake_group_days (group_id, local_day, delivered_kg_as_fed, refused_kg_as_fed, dry_matter_kg, readings)
SELECT group_id, local_day, sum(delivered_kg_as_fed), sum(refused_kg_as_fed), sum(dry_matter_kg), count(*)
  FROM intake_readings
 GROUP BY group_id, local_day
ON CONFLICT (group_id, local_day) DO NOTHING;
