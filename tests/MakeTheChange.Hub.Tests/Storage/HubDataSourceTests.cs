using MakeTheChange.Hub.Storage;
using MakeTheChange.Hub.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Storage;

public sealed class HubDataSourceTests
{
    [Fact]
    public async Task Prepared_statements_are_planned_for_each_execution_against_the_tables_as_they_are()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var dataSource = HubDataSource.Create(connectionString, NullLoggerFactory.Instance);
        await using var connection = await dataSource.OpenConnectionAsync();

        // Past PostgreSQL's five custom plans, a prepared statement would otherwise switch to a generic
        // plan made once, when stock_lots was empty, and keep it however large the table grows.
        for (var i = 0; i < 10; i++)
        {
            await using var read = new NpgsqlCommand("SELECT lot FROM stock_lots WHERE location_id = $1 AND sku = $2", connection);
            read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "store" });
            read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "SKU" });
            await read.ExecuteNonQueryAsync();
        }

        await using var plans = new NpgsqlCommand("SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%FROM stock_lots%'", connection);
        await using var reader = await plans.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue("the statement was prepared");
        reader.GetInt64(0).ShouldBe(0);
        reader.GetInt64(1).ShouldBeGreaterThanOrEqualTo(8);
    }
}
