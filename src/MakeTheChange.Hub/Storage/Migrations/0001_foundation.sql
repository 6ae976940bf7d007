-- The foundation: catalog, stock grains, reservations, and the grain runtime's own tables.
-- Grain state lives in ordinary tables (docs/architecture.md): each grain row has a unique key and a
-- version; a write succeeds only if the version it read is still the stored one.

CREATE TABLE locations (
    location_id       text PRIMARY KEY,
    name              text NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('store', 'warehouse', 'partner')),
    click_and_collect boolean NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE products (
    sku         text PRIMARY KEY,
    name        text NOT NULL,
    category    text,
    price_cents integer CHECK (price_cents >= 0),
    currency    text CHECK (currency ~ '^[A-Z]{3}$'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Stock grain (sku@location): its level row, lots, holds and ledger.
CREATE TABLE stock_levels (
    location_id  text NOT NULL REFERENCES locations,
    sku          text NOT NULL REFERENCES products,
    on_hand      integer NOT NULL,
    held         integer NOT NULL CHECK (held >= 0),
    safety_stock integer NOT NULL CHECK (safety_stock >= 0),
    last_seq     bigint NOT NULL,
    version      bigint NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (location_id, sku)
);

CREATE INDEX stock_levels_by_sku ON stock_levels (sku);

-- lot = '' holds units that arrived without a lot number.
CREATE TABLE stock_lots (
    location_id  text NOT NULL,
    sku          text NOT NULL,
    lot          text NOT NULL,
    best_before  date,
    quantity     integer NOT NULL CHECK (quantity > 0),
    received_seq bigint NOT NULL,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (location_id, sku, lot),
    FOREIGN KEY (location_id, sku) REFERENCES stock_levels
);

CREATE TABLE stock_holds (
    location_id    text NOT NULL,
    sku            text NOT NULL,
    reservation_id text NOT NULL,
    quantity       integer NOT NULL CHECK (quantity > 0),
    expires_at     timestamptz NOT NULL,
    held_seq       bigint NOT NULL,
    PRIMARY KEY (location_id, sku, reservation_id),
    FOREIGN KEY (location_id, sku) REFERENCES stock_levels
);

-- The ledger: one row per change of a stock grain, written in the transaction that changes its level.
-- (location_id, sku, movement_id) is also the idempotency record of movement commands: request_hash
-- tells a repeat from a different command reusing the id, on_hand_after .. lots_after give the answer back.
CREATE TABLE stock_movements (
    location_id        text NOT NULL,
    sku                text NOT NULL,
    seq                bigint NOT NULL,
    movement_id        text NOT NULL,
    kind               text NOT NULL,
    quantity           integer NOT NULL,
    on_hand_delta      integer NOT NULL,
    held_delta         integer NOT NULL,
    on_hand_after      integer NOT NULL,
    held_after         integer NOT NULL,
    safety_stock_after integer NOT NULL,
    lots               jsonb NOT NULL,
    lots_after         jsonb NOT NULL,
    source             text NOT NULL,
    reference          text,
    reason             text,
    occurred_at        timestamptz NOT NULL,
    recorded_at        timestamptz NOT NULL,
    request_hash       bytea NOT NULL,
    PRIMARY KEY (location_id, sku, seq),
    UNIQUE (location_id, sku, movement_id),
    FOREIGN KEY (location_id, sku) REFERENCES stock_levels
);

-- Reservation grain. The row is also the idempotency record of its creation (request_hash).
CREATE TABLE reservations (
    reservation_id    text PRIMARY KEY,
    location_id       text NOT NULL REFERENCES locations,
    channel           text NOT NULL CHECK (channel IN ('click-and-collect', 'online', 'b2b')),
    customer_id       text,
    status            text NOT NULL CHECK (status IN ('held', 'fulfilled', 'released', 'expired')),
    expires_at        timestamptz NOT NULL,
    created_at        timestamptz NOT NULL,
    status_changed_at timestamptz NOT NULL,
    request_hash      bytea NOT NULL,
    version           bigint NOT NULL
);

CREATE INDEX reservations_held_by_expiry ON reservations (expires_at) WHERE status = 'held';

CREATE TABLE reservation_lines (
    reservation_id text NOT NULL REFERENCES reservations,
    line_no        integer NOT NULL,
    sku            text NOT NULL REFERENCES products,
    quantity       integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (reservation_id, line_no)
);

-- Grain runtime: durable due dates, swept into grain calls.
CREATE TABLE grain_reminders (
    grain_type   text NOT NULL,
    grain_key    text NOT NULL,
    due_at       timestamptz NOT NULL,
    leased_until timestamptz,
    leased_by    text,
    PRIMARY KEY (grain_type, grain_key)
);

CREATE INDEX grain_reminders_by_due ON grain_reminders (due_at);

-- Grain runtime: events written in the transaction of the state they describe, dispatched afterwards.
CREATE TABLE outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic           text NOT NULL,
    message_key     text NOT NULL,
    payload         jsonb NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    dispatched_at   timestamptz
);

CREATE INDEX outbox_pending ON outbox (id) WHERE dispatched_at IS NULL;

-- What the back office must look at; one open alert per dedupe key.
CREATE TABLE alerts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text NOT NULL,
    dedupe_key  text NOT NULL UNIQUE,
    location_id text,
    sku         text,
    subject     text,
    message     text NOT NULL,
    details     jsonb NOT NULL,
    raised_at   timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz
);

CREATE INDEX alerts_open ON alerts (raised_at) WHERE resolved_at IS NULL;
