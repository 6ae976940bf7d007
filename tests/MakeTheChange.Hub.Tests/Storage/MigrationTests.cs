using MakeTheChange.Hub.Storage;
using MakeTheChange.Hub.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Storage;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_once_in_order_and_a_later_start_applies_nothing()
    {
        var database = await TestPostgres.CreateBlankDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(database);
        var migrator = new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance);

        var starts = await Task.WhenAll(migrator.MigrateAsync(CancellationToken.None), migrator.MigrateAsync(CancellationToken.None));
        var again = await migrator.MigrateAsync(CancellationToken.None);

        starts.Sum().ShouldBe(DatabaseMigrator.Embedded.Count, "two nodes starting together apply each migration once");
        again.ShouldBe(0);
        var versions = await Sql.ListAsync<int>(database, "SELECT version FROM schema_migrations ORDER BY applied_at, version");
        versions.ShouldBe(DatabaseMigrator.Embedded.Select(migration => migration.Version));
        (await Sql.ScalarAsync<bool>(database, "SELECT to_regclass('stock_movements') IS NOT NULL")).ShouldBeTrue();
    }

    [Fact]
    public async Task An_applied_migration_whose_file_changed_since_is_refused()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        await Sql.ExecuteAsync(database, "UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
        await using var dataSource = NpgsqlDataSource.Create(database);

        var failure = await Should.ThrowAsync<InvalidOperationException>(
            () => new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None));

        failure.Message.ShouldContain("changed after it was applied");
    }

    [Fact]
    public async Task Stock_changes_still_waiting_in_the_outbox_are_queued_as_pushes_when_pushes_move_into_the_ledger_insert()
    {
        var database = await TestPostgres.CreateBlankDatabaseAsync();
        await ApplyUpToAsync(database, version: 6);
        await Sql.ExecuteAsync(
            database,
            """
            INSERT INTO locations (location_id, name, kind, click_and_collect) VALUES ('paris', 'Paris', 'store', true), ('lyon', 'Lyon', 'store', true);
            INSERT INTO pos_connections (connection_id, kind, base_url, access_token, webhook_signature_key, notification_url)
            VALUES ('till', 'square', 'http://127.0.0.1:1', 'token', 'signature-key', 'http://127.0.0.1:2/hook');
            INSERT INTO pos_location_map (connection_id, external_location_id, location_id) VALUES ('till', 'L1', 'paris');
            """);
        await Sql.ExecuteAsync(
            database,
            "INSERT INTO outbox (topic, messages, dispatched_at) VALUES ('stock.changed', $1, NULL), ('stock.changed', $2, now()), ('holds.at-risk', '[]', NULL)",
            """
            [{"key":"paris/A","payload":{"sku":"A","locationId":"paris","seq":4,"movementId":"m-4","kind":"receipt","onHandDelta":5,"onHandAfter":9,"source":"api","occurredAt":"2026-12-01T10:00:00+00:00"}},
             {"key":"paris/B","payload":{"sku":"B","locationId":"paris","seq":2,"movementId":"m-2","kind":"sale","onHandDelta":-1,"onHandAfter":0,"source":"square:till","occurredAt":"2026-12-01T10:00:01+00:00"}},
             {"key":"lyon/A","payload":{"sku":"A","locationId":"lyon","seq":7,"movementId":"m-7","kind":"sale","onHandDelta":-2,"onHandAfter":1,"source":"api","occurredAt":"2026-12-01T10:00:02+00:00"}}]
            """,
            """
            [{"key":"paris/C","payload":{"sku":"C","locationId":"paris","seq":1,"movementId":"m-1","kind":"receipt","onHandDelta":1,"onHandAfter":1,"source":"api","occurredAt":"2026-12-01T09:00:00+00:00"}}]
            """);

        await using var dataSource = NpgsqlDataSource.Create(database);
        (await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None)).ShouldBe(DatabaseMigrator.Embedded.Count - 6);

        // Only the pending change of a mapped location that did not come from the till itself.
        var pushes = await Sql.ListAsync<string>(
            database,
            "SELECT connection_id || ' ' || location_id || ' ' || sku || ' ' || seq || ' ' || movement_id || ' ' || kind || ' ' || on_hand_delta || ' ' || on_hand_after || ' ' || (occurred_at = '2026-12-01T10:00:00Z') FROM pos_pushes");
        pushes.ShouldBe(["till paris A 4 m-4 receipt 5 9 true"]);
        (await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM outbox WHERE topic = 'stock.changed' AND dispatched_at IS NULL")).ShouldBe(0);
        (await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM outbox WHERE topic = 'holds.at-risk' AND dispatched_at IS NULL")).ShouldBe(1);
    }

    /// <summary>The schema as a node of that version left it: migrations up to <paramref name="version"/>, recorded as applied.</summary>
    private static async Task ApplyUpToAsync(string database, int version)
    {
        await Sql.ExecuteAsync(database, "CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        foreach (var migration in DatabaseMigrator.Embedded.Where(migration => migration.Version <= version))
        {
            await Sql.ExecuteAsync(database, migration.Sql);
            await Sql.ExecuteAsync(database, "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", migration.Version, migration.Name, migration.Checksum);
        }
    }
}
