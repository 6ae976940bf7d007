-- An outbox row's messages are a JSON array the hub itself wrote and only the hub's dispatcher reads
-- (OutboxRows): kept as text, PostgreSQL no longer parses it on every insert. A row of a few hundred
-- messages is tens of kilobytes, which PostgreSQL compresses when it stores it; lz4 compresses and
-- decompresses it in a fraction of the time of the default pglz (measured on this table's rows:
-- docs/performance.md). A server built without lz4 keeps pglz.
ALTER TABLE outbox ALTER COLUMN messages TYPE text;
DO $$
BEGIN
    ALTER TABLE outbox ALTER COLUMN messages SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    NULL;
END
$$;
