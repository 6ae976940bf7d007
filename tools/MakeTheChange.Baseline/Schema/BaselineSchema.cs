// The baseline's tables. Their names and columns are a contract with the load generator
// (tools/MakeTheChange.LoadGenerator), which seeds and checks them with SQL of its own: rename nothing.
//
// What the load generator may rely on:
//
// - The tables exist once GET /health/live answers 200: the app creates them (CREATE TABLE IF NOT
//   EXISTS, so a restart keeps the data) before it starts listening.
// - The app writes nothing but what requests ask for; it keeps no state outside these tables, so a
//   seed or a reset takes effect at once, without a restart.
//
// Seed a SKU at a location (or seed it again); a movement or reservation on a row that was never
// seeded is a 404 or a 409:
//
//     INSERT INTO baseline_stock (location_id, sku, on_hand, held, version, updated_at)
//     VALUES ($1, $2, $3, 0, 0, now())
//     ON CONFLICT (location_id, sku) DO UPDATE
//     SET on_hand = excluded.on_hand, held = 0, version = 0, updated_at = now();
//
// Start again from nothing:
//
//     TRUNCATE baseline_stock, baseline_movements, baseline_reservations, baseline_reservation_lines;
//
// Check afterwards. A movement id is recorded once per (location_id, sku), however often it was sent;
// quantity is the quantity as sent (a sale of 2 is 2, an adjustment is signed), as in the hub's
// stock_movements; on_hand_after is on hand right after that movement:
//
//     SELECT count(*) FROM baseline_movements;
//
//     -- on hand is the seed plus the signed movements:
//     SELECT location_id, sku,
//            sum(CASE WHEN kind IN ('sale', 'damage') THEN -quantity ELSE quantity END) AS on_hand_change
//     FROM baseline_movements GROUP BY location_id, sku;
//
//     -- held is exactly what the reservations hold:
//     SELECT s.location_id, s.sku, s.held, coalesce(sum(l.quantity), 0) AS reserved
//     FROM baseline_stock s
//     LEFT JOIN baseline_reservations r ON r.location_id = s.location_id
//     LEFT JOIN baseline_reservation_lines l ON l.reservation_id = r.reservation_id AND l.sku = s.sku
//     GROUP BY s.location_id, s.sku, s.held;
//
// version grows by one per change to a row (a movement, or a reservation line held on it).

namespace MakeTheChange.Baseline.Schema;

/// <summary>The schema the app creates at start if it is missing (see the top of this file for the contract).</summary>
internal static class BaselineSchema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS baseline_stock (
            location_id text NOT NULL,
            sku         text NOT NULL,
            on_hand     integer NOT NULL,
            held        integer NOT NULL CHECK (held >= 0),
            version     bigint NOT NULL,
            updated_at  timestamptz NOT NULL,
            PRIMARY KEY (location_id, sku)
        );

        -- The ledger, and the record of which movement ids were applied (the primary key makes a repeat fail).
        CREATE TABLE IF NOT EXISTS baseline_movements (
            location_id   text NOT NULL,
            sku           text NOT NULL,
            movement_id   text NOT NULL,
            kind          text NOT NULL,
            quantity      integer NOT NULL,
            on_hand_after integer NOT NULL,
            recorded_at   timestamptz NOT NULL,
            PRIMARY KEY (location_id, sku, movement_id)
        );

        CREATE TABLE IF NOT EXISTS baseline_reservations (
            reservation_id text PRIMARY KEY,
            location_id    text NOT NULL,
            created_at     timestamptz NOT NULL
        );

        CREATE TABLE IF NOT EXISTS baseline_reservation_lines (
            reservation_id text NOT NULL,
            line_no        int NOT NULL,
            sku            text NOT NULL,
            quantity       int NOT NULL,
            PRIMARY KEY (reservation_id, line_no)
        );
        """;
}
