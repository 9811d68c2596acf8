-- Answers that reveal no account (issue #20). Registration by confirmation e-mail: the account is made when the
-- e-mailed link is used, so the answer to a registration is the same for a new and an existing address. Farm
-- members by invitation: the invited person accepts, signed in with the invited address. Tokens are stored as
-- SHA-256 only; the token itself exists only in the e-mail.

CREATE TABLE IF NOT EXISTS pending_registrations
(
    token_hash          bytea       NOT NULL PRIMARY KEY,
    email               text        NOT NULL,
    display_name        text        NOT NULL,
    password_hash       text        NOT NULL,
    preferred_language  text        NOT NULL,
    created_at          timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL,
    used_at             timestamptz NULL
);
CREATE INDEX IF NOT EXISTS ix_pending_registrations_expires ON pending_registrations (expires_at);

CREATE TABLE IF NOT EXISTS farm_invitations
(
    id          uuid        NOT NULL PRIMARY KEY,
    farm_id     uuid        NOT NULL,
    farm_name   text        NOT NULL,
    email       text        NOT NULL,
    role        text        NOT NULL CHECK (role IN ('owner', 'manager', 'nutritionist', 'veterinarian', 'viewer')),
    token_hash  bytea       NOT NULL,
    invited_by  text        NOT NULL,
    invited_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz NULL,
    revoked_at  timestamptz NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_farm_invitations_token ON farm_invitations (token_hash);
CREATE INDEX IF NOT EXISTS ix_farm_invitations_farm ON farm_invitations (farm_id);
CREATE INDEX IF NOT EXISTS ix_farm_invitations_email ON farm_invitations (lower(email));
