-- An outbox row holds every message of one topic written by one transaction, as a JSON array of
-- {"key", "payload"}: a transaction of 500 stock writes adds one row, not 500, and the dispatcher
-- locks, reads and marks one row for them (docs/performance.md). A message whose handler keeps
-- failing is moved to a row of its own, so it waits alone. json, not jsonb: the text is checked and
-- kept as written, not converted, which is all the dispatcher needs from it.
ALTER TABLE outbox ADD COLUMN messages json;
UPDATE outbox SET messages = json_build_array(json_build_object('key', message_key, 'payload', payload));
ALTER TABLE outbox ALTER COLUMN messages SET NOT NULL;
ALTER TABLE outbox DROP COLUMN message_key, DROP COLUMN payload;
