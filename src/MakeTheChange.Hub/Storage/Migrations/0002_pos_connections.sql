-- POS connections (Square, Lightspeed X-Series): settings, location maps, the durable inbox of
-- webhook events, events that could not be mapped, and the queue of stock changes to push.

CREATE TABLE pos_connections (
    connection_id         text PRIMARY KEY,
    kind                  text NOT NULL CHECK (kind IN ('square', 'lightspeed-x')),
    base_url              text NOT NULL,
    access_token          text NOT NULL,
    webhook_signature_key text NOT NULL,
    notification_url      text NOT NULL,
    settings              jsonb NOT NULL DEFAULT '{}',
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    last_event_at         timestamptz,
    last_push_at          timestamptz,
    last_poll_at          timestamptz,
    last_reconciled_at    timestamptz,
    last_error            text,
    last_error_at         timestamptz
);

CREATE TABLE pos_location_map (
    connection_id        text NOT NULL REFERENCES pos_connections ON DELETE CASCADE,
    external_location_id text NOT NULL,
    location_id          text NOT NULL REFERENCES locations,
    PRIMARY KEY (connection_id, external_location_id),
    UNIQUE (connection_id, location_id)
);

CREATE INDEX pos_location_map_by_location ON pos_location_map (location_id);

-- External item (Square item variation, Lightspeed product) <-> hub SKU, learnt by SKU lookups.
CREATE TABLE pos_item_map (
    connection_id    text NOT NULL REFERENCES pos_connections ON DELETE CASCADE,
    external_item_id text NOT NULL,
    sku              text NOT NULL,
    learnt_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (connection_id, external_item_id)
);

CREATE UNIQUE INDEX pos_item_map_by_sku ON pos_item_map (connection_id, sku);

-- Cursors and marks a connector keeps between runs (poll positions, last counts seen per item).
CREATE TABLE pos_cursors (
    connection_id text NOT NULL REFERENCES pos_connections ON DELETE CASCADE,
    name          text NOT NULL,
    value         text NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (connection_id, name)
);

-- Webhook events, stored before they are answered: the (connection, event id) key drops duplicates.
CREATE TABLE pos_inbound_events (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    connection_id   text NOT NULL REFERENCES pos_connections ON DELETE CASCADE,
    event_id        text NOT NULL,
    event_type      text NOT NULL,
    payload         text NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    leased_until    timestamptz,
    processed_at    timestamptz,
    last_error      text,
    UNIQUE (connection_id, event_id)
);

CREATE INDEX pos_inbound_events_pending ON pos_inbound_events (next_attempt_at) WHERE processed_at IS NULL;

-- What could not be mapped (unknown SKU, unmapped location): kept for an admin, never dropped.
CREATE TABLE pos_parked_events (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    connection_id text NOT NULL REFERENCES pos_connections ON DELETE CASCADE,
    reference     text NOT NULL,
    reason        text NOT NULL,
    details       jsonb NOT NULL,
    parked_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (connection_id, reference)
);

-- Hub stock changes waiting to reach a POS. A batch, once tried, keeps its rows and its key, so a
-- retry sends the very same request (the POS's idempotency keys depend on it).
CREATE TABLE pos_pushes (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    connection_id   text NOT NULL REFERENCES pos_connections ON DELETE CASCADE,
    location_id     text NOT NULL,
    sku             text NOT NULL,
    seq             bigint NOT NULL,
    movement_id     text NOT NULL,
    kind            text NOT NULL,
    on_hand_delta   integer NOT NULL,
    on_hand_after   integer NOT NULL,
    occurred_at     timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    batch_key       text,
    batch_formed_at timestamptz,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    leased_until    timestamptz,
    pushed_at       timestamptz,
    parked_at       timestamptz,
    last_error      text,
    UNIQUE (connection_id, location_id, sku, seq)
);

CREATE INDEX pos_pushes_pending ON pos_pushes (connection_id, id) WHERE pushed_at IS NULL AND parked_at IS NULL;
