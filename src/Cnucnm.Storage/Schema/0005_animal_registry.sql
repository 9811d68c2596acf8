-- Animal registry (issue 11): individual animals and their dated records. History and queries live here;
-- the live-herd grains hold only each group's derived inputs (docs/architecture.md).
CREATE TABLE IF NOT EXISTS animals
(
    id              uuid        NOT NULL PRIMARY KEY,
    farm_id         uuid        NOT NULL,
    -- Traceability number, normalized to 12 digits (Cnucnm.Registry.TraceabilityNumber).
    tag             text        NOT NULL,
    name            text,
    breed           text        NOT NULL,
    sex             text        NOT NULL,
    birth_date      date        NOT NULL,
    dam_tag         text,
    origin          text        NOT NULL,
    origin_note     text,
    status          text        NOT NULL,
    status_date     date,
    status_reason   text,
    group_id        uuid,
    photo_reference text,
    version         bigint      NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT animals_farm_tag UNIQUE (farm_id, tag)
);

CREATE INDEX IF NOT EXISTS animals_farm_status ON animals (farm_id, status);
CREATE INDEX IF NOT EXISTS animals_farm_group ON animals (farm_id, group_id);
CREATE INDEX IF NOT EXISTS animals_farm_breed ON animals (farm_id, breed);

CREATE TABLE IF NOT EXISTS animal_records
(
    id          uuid        NOT NULL PRIMARY KEY,
    farm_id     uuid        NOT NULL,
    animal_id   uuid        NOT NULL REFERENCES animals (id),
    kind        text        NOT NULL,
    date        date        NOT NULL,
    -- The record as JSON, kind first (Cnucnm.Registry.Records.AnimalRecord).
    payload     jsonb       NOT NULL,
    recorded_by text        NOT NULL,
    recorded_at timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS animal_records_animal_date ON animal_records (animal_id, date);

-- Inputs a farm sets by hand for a group, applied over the values derived from its members.
CREATE TABLE IF NOT EXISTS animal_group_overrides
(
    group_id  uuid  NOT NULL PRIMARY KEY,
    farm_id   uuid  NOT NULL,
    overrides jsonb NOT NULL
);
