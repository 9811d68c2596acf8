-- Live herd: since 0008 a group's intake is read from intake_group_days, and no query reads intake_readings by
-- (group_id, local_day) any more. The index cost every stored reading one more B-tree insert.
DROP INDEX IF EXISTS ix_intake_readings_group_day;
