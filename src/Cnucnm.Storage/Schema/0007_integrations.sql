-- Integrations: outgoing webhooks (subscriptions and the durable outbox of deliveries), account e-mail
-- tokens, notification preferences and the e-mail outbox.
-- Idempotent: safe to run on every deploy.

-- The signing secret is stored encrypted (AES-256-GCM, key from configuration), never in clear.
CREATE TABLE IF NOT EXISTS webhook_subscriptions
(
    id                uuid        NOT NULL PRIMARY KEY,
    farm_id           uuid        NOT NULL,
    url               text        NOT NULL,
    event_types       text[]      NOT NULL,
    description       text        NOT NULL DEFAULT '',
    secret_ciphertext bytea       NOT NULL,
    created_by        text        NOT NULL,
    created_at        timestamptz NOT NULL,
    deleted_at        timestamptz NULL
);
CREATE INDEX IF NOT EXISTS ix_webhook_subscriptions_farm ON webhook_subscriptions (farm_id) WHERE deleted_at IS NULL;

-- One row per (event, subscription), written when the event occurs and before any attempt to send it.
-- status: pending (due at next_attempt_at; a claimed row's next_attempt_at is its lease), delivered,
-- dead (gave up after the configured attempts; re-sendable), cancelled (subscription deleted).
CREATE TABLE IF NOT EXISTS webhook_deliveries
(
    id               uuid        NOT NULL PRIMARY KEY,
    subscription_id  uuid        NOT NULL REFERENCES webhook_subscriptions (id),
    farm_id          uuid        NOT NULL,
    event_id         uuid        NOT NULL,
    event_type       text        NOT NULL,
    payload          text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('pending', 'delivered', 'dead', 'cancelled')),
    attempts         integer     NOT NULL DEFAULT 0,
    attempts_before_resend integer NOT NULL DEFAULT 0, -- a manual re-send gives the row a fresh set of attempts
    next_attempt_at  timestamptz NOT NULL,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz NULL,
    last_status_code integer     NULL,
    last_error       text        NULL,
    UNIQUE (subscription_id, event_id)
);
-- The worker's claim query: due pending rows, oldest first.
CREATE INDEX IF NOT EXISTS ix_webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS ix_webhook_deliveries_log ON webhook_deliveries (subscription_id, created_at DESC);

-- Every attempt, for the delivery log.
CREATE TABLE IF NOT EXISTS webhook_delivery_attempts
(
    delivery_id  uuid        NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt      integer     NOT NULL,
    at           timestamptz NOT NULL,
    status_code  integer     NULL,
    error        text        NULL,
    duration_ms  integer     NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);

-- Single-use tokens e-mailed to a person (password reset, e-mail verification). Only a SHA-256 of the
-- token is stored; the token itself exists only in the e-mail.
CREATE TABLE IF NOT EXISTS account_tokens
(
    token_hash  bytea       NOT NULL PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    purpose     text        NOT NULL CHECK (purpose IN ('password-reset', 'email-verification')),
    email       text        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz NULL
);
CREATE INDEX IF NOT EXISTS ix_account_tokens_user ON account_tokens (user_id, purpose);

ALTER TABLE app_users ADD COLUMN IF NOT EXISTS email_verified_at timestamptz NULL;

-- What alert e-mails a person wants: which alert kinds, immediately or as a daily digest, and quiet hours
-- (local time of time_zone) during which immediate e-mails wait.
CREATE TABLE IF NOT EXISTS notification_preferences
(
    user_id           uuid    NOT NULL PRIMARY KEY REFERENCES app_users (id) ON DELETE CASCADE,
    alert_kinds       text[]  NOT NULL,
    delivery          text    NOT NULL CHECK (delivery IN ('off', 'immediate', 'dailyDigest')),
    quiet_hours_start time    NULL,
    quiet_hours_end   time    NULL,
    digest_hour       integer NOT NULL DEFAULT 7 CHECK (digest_hour BETWEEN 0 AND 23),
    time_zone         text    NOT NULL,
    weekly_report     boolean NOT NULL DEFAULT false -- the farm report of the past week, Mondays at digest_hour
);

-- One row per person and reported week, taken before the report is sent: silos never send a week twice.
CREATE TABLE IF NOT EXISTS weekly_report_runs
(
    user_id    uuid        NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    week_end   date        NOT NULL,
    sent_at    timestamptz NOT NULL,
    PRIMARY KEY (user_id, week_end)
);

-- Alert e-mails waiting to be sent, written with the alert. A digest row waits for its digest time and
-- goes out with the person's other rows due then, as one e-mail.
CREATE TABLE IF NOT EXISTS email_outbox
(
    id              uuid        NOT NULL PRIMARY KEY,
    user_id         uuid        NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    to_address      text        NOT NULL,
    language        text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('alert', 'alertDigest')),
    data            text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'sent', 'dead')),
    attempts        integer     NOT NULL DEFAULT 0,
    due_at          timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz NULL,
    last_error      text        NULL
);
CREATE INDEX IF NOT EXISTS ix_email_outbox_due ON email_outbox (due_at) WHERE status = 'pending';
