-- The stock grain writes its lots, holds and ledger rows in the same transaction as its level row, and
-- nothing else writes them. A foreign key from those rows to stock_levels checked that again for every
-- row, with an index probe and a key-share lock on the level row: measured, it cost more than the
-- rest of a ledger insert (docs/performance.md). The level rows themselves keep their keys to the
-- catalog (locations, products).
ALTER TABLE stock_lots DROP CONSTRAINT stock_lots_location_id_sku_fkey;
ALTER TABLE stock_holds DROP CONSTRAINT stock_holds_location_id_sku_fkey;
ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_location_id_sku_fkey;

-- Levels and lots are updated in place all day: room left on each page lets PostgreSQL keep an
-- updated row on its page without touching the indexes (a HOT update).
ALTER TABLE stock_levels SET (fillfactor = 80);
ALTER TABLE stock_lots SET (fillfactor = 80);
