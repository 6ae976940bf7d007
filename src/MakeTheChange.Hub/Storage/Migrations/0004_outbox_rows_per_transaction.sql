-- An outbox row holds every message of one topic written by one transaction, as a JSON array of
-- {"key", "payload"}: a transaction of 500 stock writes adds one row, not 500, and the dispatcher
-- locks, reads and marks one row for them (docs/performance.md). A message whose handler keeps
-- failing is moved to a row of its own, so it waits alone.
ALTER TABLE outbox ADD COLUMN messages jsonb;
UPDATE outbox SET messages = jsonb_build_array(jsonb_build_object('key', message_key, 'payload', payload));
ALTER TABLE outbox ALTER COLUMN messages SET NOT NULL;
ALTER TABLE outbox DROP COLUMN message_key, DROP COLUMN payload;
