using System.Data.Common;
using Npgsql;

namespace MakeTheChange.Baseline;

/// <summary>The app's one <see cref="NpgsqlDataSource"/> (one pool), with the hub's defaults unless the connection string says otherwise.</summary>
internal static class BaselineDataSource
{
    public static NpgsqlDataSource Create(string connectionString, ILoggerFactory loggerFactory)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        if (!Has(given, "Application Name", "ApplicationName"))
        {
            settings.ApplicationName = "make-the-change-baseline";
        }

        // The same few statements run all the time; the hub prepares them, so the baseline does too.
        if (!Has(given, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }

        builder.UseLoggerFactory(loggerFactory);
        return builder.Build();
    }

    private static bool Has(DbConnectionStringBuilder given, params string[] keywords) =>
        keywords.Any(given.ContainsKey);
}
