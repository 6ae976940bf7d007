using MakeTheChange.Hub.Storage;
using Npgsql;

namespace MakeTheChange.Hub.Locations;

/// <summary>Locations, in the <c>locations</c> table. Rarely written, so plain SQL rather than a grain.</summary>
public sealed class LocationCatalog(NpgsqlDataSource dataSource)
{
    public const string Kinds = "store, warehouse, partner";

    private const string Columns = "location_id, name, kind, click_and_collect, created_at, updated_at";

    public static bool IsKind(string? kind) => kind is "store" or "warehouse" or "partner";

    public async Task<Location> UpsertAsync(string locationId, string name, string kind, bool clickAndCollect, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            INSERT INTO locations (location_id, name, kind, click_and_collect) VALUES ($1, $2, $3, $4)
            ON CONFLICT (location_id) DO UPDATE
            SET name = excluded.name, kind = excluded.kind, click_and_collect = excluded.click_and_collect,
                updated_at = CASE
                    WHEN (locations.name, locations.kind, locations.click_and_collect) = (excluded.name, excluded.kind, excluded.click_and_collect)
                    THEN locations.updated_at ELSE now() END
            RETURNING {Columns}
            """);
        command.Parameters.AddTyped(locationId).AddTyped(name).AddTyped(kind).AddTyped(clickAndCollect);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader);
    }

    public async Task<Location?> FindAsync(string locationId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM locations WHERE location_id = $1");
        command.Parameters.AddTyped(locationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<List<Location>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM locations ORDER BY location_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var locations = new List<Location>();
        while (await reader.ReadAsync(cancellationToken))
        {
            locations.Add(Read(reader));
        }

        return locations;
    }

    private static Location Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetBoolean(3),
        reader.GetFieldValue<DateTimeOffset>(4),
        reader.GetFieldValue<DateTimeOffset>(5));
}
