-- Outgoing webhooks: subscriptions per farm and the durable outbox of deliveries.
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
