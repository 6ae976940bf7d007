-- A change of on hand used to reach the POS push queue through the outbox: the grain published a
-- stock.changed message, the dispatcher read it back and queued the pushes in a transaction of its
-- own. That round trip was about a tenth of what the hub allocated per stock movement and three
-- statements of PostgreSQL's (docs/performance.md). The ledger insert now queues the pushes itself, in
-- the movement's transaction (PosPushes.QueuedWithLedgerInsert), and nothing publishes stock.changed.
-- The messages still waiting here when this runs are queued the same way, then marked dispatched.
INSERT INTO pos_pushes (connection_id, location_id, sku, seq, movement_id, kind, on_hand_delta, on_hand_after, occurred_at)
SELECT m.connection_id, c."locationId", c.sku, c.seq, c."movementId", c.kind, c."onHandDelta", c."onHandAfter", c."occurredAt"
FROM outbox o
CROSS JOIN LATERAL json_array_elements(o.messages::json) AS e(message)
CROSS JOIN LATERAL json_to_record(e.message -> 'payload') AS c(
    "locationId" text, sku text, seq bigint, "movementId" text, kind text,
    "onHandDelta" integer, "onHandAfter" integer, source text, "occurredAt" timestamptz)
JOIN pos_location_map m ON m.location_id = c."locationId"
JOIN pos_connections p ON p.connection_id = m.connection_id
WHERE o.topic = 'stock.changed' AND o.dispatched_at IS NULL AND c.source <> p.kind || ':' || p.connection_id
ON CONFLICT DO NOTHING;

UPDATE outbox SET dispatched_at = now() WHERE topic = 'stock.changed' AND dispatched_at IS NULL;
