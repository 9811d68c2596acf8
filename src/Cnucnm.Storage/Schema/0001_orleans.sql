-- Orleans ADO.NET providers on PostgreSQL: clustering, grain persistence and reminders.
--
-- Written for CNUCNM against the providers' query contract (Microsoft.Orleans.*.AdoNet 10.4):
-- the providers read their SQL from table orleansquery by key at start, bind parameters by name
-- (@DeploymentId, @GrainIdHash, ...) and read result columns by name. Everything here is
-- idempotent so that `migrate` is safe to run twice and on every deploy.

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64)   NOT NULL PRIMARY KEY,
    querytext varchar(8000) NOT NULL
);

-------------------------------------------------------------------------------------------------
-- Clustering (membership protocol). One version row per deployment (cluster id); every silo
-- instance has one row. Status 3 = Active, 6 = Dead.
-------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS orleansmembershipversiontable
(
    deploymentid varchar(150)   NOT NULL PRIMARY KEY,
    timestamp    timestamptz(3) NOT NULL DEFAULT now(),
    version      integer        NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS orleansmembershiptable
(
    deploymentid varchar(150)   NOT NULL REFERENCES orleansmembershipversiontable (deploymentid),
    address      varchar(45)    NOT NULL,
    port         integer        NOT NULL,
    generation   integer        NOT NULL,
    siloname     varchar(150)   NOT NULL,
    hostname     varchar(150)   NOT NULL,
    status       integer        NOT NULL,
    proxyport    integer        NULL,
    suspecttimes varchar(8000)  NULL,
    starttime    timestamptz(3) NOT NULL,
    iamalivetime timestamptz(3) NOT NULL,
    PRIMARY KEY (deploymentid, address, port, generation)
);

-- Inserting a silo row and bumping the table version must succeed or fail together, and only
-- when the caller saw the current version (optimistic concurrency of the membership protocol).
CREATE OR REPLACE FUNCTION cnucnm_insert_membership(
    p_deployment varchar, p_address varchar, p_port integer, p_generation integer,
    p_silo_name varchar, p_host_name varchar, p_status integer, p_proxy_port integer,
    p_start timestamptz, p_alive timestamptz, p_version integer)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
    bumped integer;
BEGIN
    UPDATE orleansmembershipversiontable
       SET version = version + 1, timestamp = now()
     WHERE deploymentid = p_deployment AND version = p_version;
    GET DIAGNOSTICS bumped = ROW_COUNT;
    IF bumped = 0 THEN
        RETURN 0;
    END IF;
    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
    VALUES
        (p_deployment, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port, p_start, p_alive)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'membership row already exists' USING ERRCODE = 'unique_violation';
    END IF;
    RETURN 1;
EXCEPTION
    WHEN unique_violation THEN
        RETURN 0;
END
$$;

CREATE OR REPLACE FUNCTION cnucnm_update_membership(
    p_deployment varchar, p_address varchar, p_port integer, p_generation integer,
    p_status integer, p_suspect_times varchar, p_alive timestamptz, p_version integer)
RETURNS integer LANGUAGE plpgsql AS
$$
DECLARE
    changed integer;
BEGIN
    UPDATE orleansmembershipversiontable
       SET version = version + 1, timestamp = now()
     WHERE deploymentid = p_deployment AND version = p_version;
    GET DIAGNOSTICS changed = ROW_COUNT;
    IF changed = 0 THEN
        RETURN 0;
    END IF;
    UPDATE orleansmembershiptable
       SET status = p_status, suspecttimes = p_suspect_times, iamalivetime = p_alive
     WHERE deploymentid = p_deployment AND address = p_address AND port = p_port AND generation = p_generation;
    GET DIAGNOSTICS changed = ROW_COUNT;
    IF changed = 0 THEN
        -- Undo the version bump: the row to update does not exist.
        RAISE EXCEPTION 'membership row missing' USING ERRCODE = 'no_data_found';
    END IF;
    RETURN 1;
EXCEPTION
    WHEN no_data_found THEN
        RETURN 0;
END
$$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', '
    WITH inserted AS (
        INSERT INTO orleansmembershipversiontable (deploymentid) VALUES (@DeploymentId)
        ON CONFLICT (deploymentid) DO NOTHING
        RETURNING 1)
    SELECT count(*)::integer AS inserted FROM inserted;'),
('InsertMembershipKey', '
    SELECT cnucnm_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                                    @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS inserted;'),
('UpdateMembershipKey', '
    SELECT cnucnm_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status,
                                    @SuspectTimes, @IAmAliveTime, @Version) AS updated;'),
('UpdateIAmAlivetimeKey', '
    UPDATE orleansmembershiptable SET iamalivetime = @IAmAliveTime
     WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;'),
('MembershipReadRowKey', '
    SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status,
           m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime, v.version
      FROM orleansmembershipversiontable v
      LEFT JOIN orleansmembershiptable m
        ON m.deploymentid = v.deploymentid
       AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
     WHERE v.deploymentid = @DeploymentId;'),
('MembershipReadAllKey', '
    SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status,
           m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime, v.version
      FROM orleansmembershipversiontable v
      LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
     WHERE v.deploymentid = @DeploymentId;'),
('DeleteMembershipTableEntriesKey', '
    DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId;
    DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId;'),
('GatewaysQueryKey', '
    SELECT address, proxyport, generation
      FROM orleansmembershiptable
     WHERE deploymentid = @DeploymentId AND status = @Status AND proxyport > 0;'),
('CleanupDefunctSiloEntriesKey', '
    DELETE FROM orleansmembershiptable
     WHERE deploymentid = @DeploymentId AND iamalivetime < @IAmAliveTime AND status <> 3;')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-------------------------------------------------------------------------------------------------
-- Grain persistence. Version is the etag: a write names the version it read; no row updated
-- means someone else wrote first (InconsistentStateException in the grain).
-------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS orleansstorage
(
    grainidhash            integer       NOT NULL,
    grainidn0              bigint        NOT NULL,
    grainidn1              bigint        NOT NULL,
    graintypehash          integer       NOT NULL,
    graintypestring        varchar(512)  NOT NULL,
    grainidextensionstring varchar(512)  NOT NULL DEFAULT '',
    serviceid              varchar(150)  NOT NULL,
    payloadbinary          bytea         NULL,
    modifiedon             timestamptz   NOT NULL DEFAULT now(),
    version                integer       NOT NULL,
    PRIMARY KEY (serviceid, graintypehash, grainidhash, grainidn0, grainidn1, graintypestring, grainidextensionstring)
);

CREATE OR REPLACE FUNCTION cnucnm_write_grain_state(
    p_id_hash integer, p_n0 bigint, p_n1 bigint, p_type_hash integer, p_type varchar,
    p_extension varchar, p_service varchar, p_version integer, p_payload bytea)
RETURNS integer LANGUAGE plpgsql AS
$$
BEGIN
    IF p_version IS NULL THEN
        -- First write of this grain's state: exactly one concurrent writer may create the row.
        INSERT INTO orleansstorage (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
                                    grainidextensionstring, serviceid, payloadbinary, version)
        VALUES (p_id_hash, p_n0, p_n1, p_type_hash, p_type, coalesce(p_extension, ''), p_service, p_payload, 1)
        ON CONFLICT DO NOTHING;
        RETURN CASE WHEN FOUND THEN 1 ELSE NULL END;
    END IF;
    UPDATE orleansstorage
       SET payloadbinary = p_payload, version = version + 1, modifiedon = now()
     WHERE serviceid = p_service AND graintypehash = p_type_hash AND grainidhash = p_id_hash
       AND grainidn0 = p_n0 AND grainidn1 = p_n1 AND graintypestring = p_type
       AND grainidextensionstring = coalesce(p_extension, '') AND version = p_version;
    -- Returning the unchanged version tells the provider the etag did not match.
    RETURN CASE WHEN FOUND THEN p_version + 1 ELSE p_version END;
END
$$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('WriteToStorageKey', '
    SELECT cnucnm_write_grain_state(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                                    @GrainIdExtensionString, @ServiceId, @GrainStateVersion::integer,
                                    @PayloadBinary) AS newgrainstateversion;'),
('ReadFromStorageKey', '
    SELECT payloadbinary, now() AS readtime, version
      FROM orleansstorage
     WHERE serviceid = @ServiceId AND graintypehash = @GrainTypeHash AND grainidhash = @GrainIdHash
       AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1 AND graintypestring = @GrainTypeString
       AND grainidextensionstring = coalesce(@GrainIdExtensionString, '''');'),
('ClearStorageKey', '
    UPDATE orleansstorage
       SET payloadbinary = NULL, version = version + 1, modifiedon = now()
     WHERE serviceid = @ServiceId AND graintypehash = @GrainTypeHash AND grainidhash = @GrainIdHash
       AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1 AND graintypestring = @GrainTypeString
       AND grainidextensionstring = coalesce(@GrainIdExtensionString, '''')
       AND version = @GrainStateVersion::integer
    RETURNING version AS newgrainstateversion;'),
('DeleteStorageKey', '
    DELETE FROM orleansstorage
     WHERE serviceid = @ServiceId AND graintypehash = @GrainTypeHash AND grainidhash = @GrainIdHash
       AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1 AND graintypestring = @GrainTypeString
       AND grainidextensionstring = coalesce(@GrainIdExtensionString, '''')
       AND version = @GrainStateVersion::integer
    RETURNING version + 1 AS newgrainstateversion;')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-------------------------------------------------------------------------------------------------
-- Reminders. Rows are partitioned over silos by GrainHash ranges.
-------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS orleansreminderstable
(
    serviceid    varchar(150)   NOT NULL,
    grainid      varchar(150)   NOT NULL,
    remindername varchar(150)   NOT NULL,
    starttime    timestamptz(3) NOT NULL,
    period       bigint         NOT NULL,
    grainhash    integer        NOT NULL,
    version      integer        NOT NULL,
    PRIMARY KEY (serviceid, grainid, remindername)
);

CREATE INDEX IF NOT EXISTS ix_orleansreminderstable_hash ON orleansreminderstable (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext) VALUES
('UpsertReminderRowKey', '
    INSERT INTO orleansreminderstable (serviceid, grainid, remindername, starttime, period, grainhash, version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period::bigint, @GrainHash, 0)
    ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
       SET starttime = excluded.starttime, period = excluded.period, grainhash = excluded.grainhash,
           version = orleansreminderstable.version + 1
    RETURNING version;'),
('ReadReminderRowsKey', '
    SELECT grainid, remindername, starttime, period, version
      FROM orleansreminderstable
     WHERE serviceid = @ServiceId AND grainid = @GrainId;'),
('ReadReminderRowKey', '
    SELECT grainid, remindername, starttime, period, version
      FROM orleansreminderstable
     WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName;'),
('ReadRangeRows1Key', '
    SELECT grainid, remindername, starttime, period, version
      FROM orleansreminderstable
     WHERE serviceid = @ServiceId AND grainhash > @BeginHash AND grainhash <= @EndHash;'),
('ReadRangeRows2Key', '
    SELECT grainid, remindername, starttime, period, version
      FROM orleansreminderstable
     WHERE serviceid = @ServiceId AND (grainhash > @BeginHash OR grainhash <= @EndHash);'),
('DeleteReminderRowKey', '
    WITH deleted AS (
        DELETE FROM orleansreminderstable
         WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName
           AND version = @Version
        RETURNING 1)
    SELECT count(*)::integer AS deleted FROM deleted;'),
('DeleteReminderRowsKey', '
    DELETE FROM orleansreminderstable WHERE serviceid = @ServiceId;')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
