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
}
