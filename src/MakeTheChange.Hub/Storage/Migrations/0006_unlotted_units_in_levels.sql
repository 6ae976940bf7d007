-- Units received with neither a lot number nor a best-before date (lot key '@') are most of the stock
-- and move with nearly every sale and receipt. Kept in stock_lots, each such movement wrote a lot row
-- besides its level row: 11 µs of PostgreSQL per movement (docs/performance.md). They now live in the
-- level row, which is written anyway; stock_lots keeps the lots that need first-expiry-first-out order.
ALTER TABLE stock_levels
    ADD COLUMN unlotted integer NOT NULL DEFAULT 0 CHECK (unlotted >= 0),
    ADD COLUMN unlotted_received_seq bigint NOT NULL DEFAULT 0,
    ADD COLUMN unlotted_received_at timestamptz;

UPDATE stock_levels l
SET unlotted = x.quantity, unlotted_received_seq = x.received_seq, unlotted_received_at = x.received_at
FROM stock_lots x
WHERE x.location_id = l.location_id AND x.sku = l.sku AND x.lot = '@';

DELETE FROM stock_lots WHERE lot = '@';
