-- Accounts, farm memberships, device keys and the audit log.
-- Idempotent: safe to run on every deploy.

CREATE TABLE IF NOT EXISTS app_users
(
    id                  uuid        NOT NULL PRIMARY KEY,
    email               text        NOT NULL,
    display_name        text        NOT NULL,
    password_hash       text        NULL,        -- null for accounts that sign in through an external issuer
    global_roles        text[]      NOT NULL DEFAULT '{}',
    locked_until        timestamptz NULL,
    security_stamp      uuid        NOT NULL,    -- changes on password change: outstanding refresh tokens die
    preferred_language  text        NOT NULL DEFAULT 'en',
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_app_users_email ON app_users (lower(email));

CREATE TABLE IF NOT EXISTS external_logins
(
    issuer  text NOT NULL,
    subject text NOT NULL,
    user_id uuid NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    PRIMARY KEY (issuer, subject)
);

-- Rotating refresh tokens. Only a SHA-256 of the token is stored. A family is one sign-in; redeeming
-- a token that was already used revokes the whole family (a stolen token was replayed).
CREATE TABLE IF NOT EXISTS refresh_tokens
(
    id          uuid        NOT NULL PRIMARY KEY,
    family_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    token_hash  bytea       NOT NULL,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz NULL,
    revoked_at  timestamptz NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_refresh_tokens_hash ON refresh_tokens (token_hash);
CREATE INDEX IF NOT EXISTS ix_refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX IF NOT EXISTS ix_refresh_tokens_user ON refresh_tokens (user_id);

-- Who belongs to which farm and with which role. Authorization reads it on every farm-scoped request.
CREATE TABLE IF NOT EXISTS farm_members
(
    farm_id  uuid        NOT NULL,
    user_id  uuid        NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    role     text        NOT NULL CHECK (role IN ('owner', 'manager', 'nutritionist', 'veterinarian', 'viewer')),
    added_at timestamptz NOT NULL DEFAULT now(),
    added_by text        NOT NULL,
    PRIMARY KEY (farm_id, user_id)
);
CREATE INDEX IF NOT EXISTS ix_farm_members_user ON farm_members (user_id);

-- Sensor keys: scoped to one farm and to ingestion. The secret part is stored as SHA-256 only.
CREATE TABLE IF NOT EXISTS device_keys
(
    id           uuid        NOT NULL PRIMARY KEY,
    farm_id      uuid        NOT NULL,
    name         text        NOT NULL,
    key_prefix   text        NOT NULL,
    secret_hash  bytea       NOT NULL,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz NULL,
    last_used_at timestamptz NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_device_keys_prefix ON device_keys (key_prefix);
CREATE INDEX IF NOT EXISTS ix_device_keys_farm ON device_keys (farm_id);

-- Every write through the API: who (user or key), what, which farm, when, from where.
CREATE TABLE IF NOT EXISTS audit_log
(
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_type  text        NOT NULL,
    actor_id    text        NOT NULL,
    farm_id     uuid        NULL,
    action      text        NOT NULL,
    target      text        NOT NULL,
    status      integer     NOT NULL,
    remote_ip   text        NULL,
    user_agent  text        NULL,
    trace_id    text        NULL
);
CREATE INDEX IF NOT EXISTS ix_audit_log_farm_at ON audit_log (farm_id, at DESC);
CREATE INDEX IF NOT EXISTS ix_audit_log_actor_at ON audit_log (actor_id, at DESC);
