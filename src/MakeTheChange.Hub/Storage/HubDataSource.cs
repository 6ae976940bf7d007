using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MakeTheChange.Hub.Storage;

/// <summary>The hub's one <see cref="NpgsqlDataSource"/>, with defaults fit for it unless the connection string says otherwise.</summary>
internal static class HubDataSource
{
    public static NpgsqlDataSource Create(string connectionString, ILoggerFactory loggerFactory)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        if (!Has(given, "Application Name", "ApplicationName"))
        {
            settings.ApplicationName = "make-the-change-hub";
        }

        // Several nodes share one server: each keeps well under PostgreSQL's default 100 connections.
        if (!Has(given, "Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
        {
            settings.MaxPoolSize = 40;
        }

        // The hub runs the same few statements all the time; prepared, they skip parsing and planning.
        if (!Has(given, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }

        // The hub's hot statements each serve many grains (unnest over arrays) against tables that grow
        // from empty: a generic plan made while stock_lots was nearly empty kept scanning it whole once
        // it held thousands of rows (17 ms a read instead of 0.1, measured). Planning each execution
        // against the table as it is, and the arrays as they are, costs less than one such mistake.
        // Grain storage, which runs far more statements than the rest, opts out per transaction with
        // statements written for it (Grains/Persistence/GenericPlans.cs).
        if (!Has(given, "Options"))
        {
            settings.Options = "-c plan_cache_mode=force_custom_plan";
        }

        if (!Has(given, "Timeout"))
        {
            settings.Timeout = 5;
        }

        builder.UseLoggerFactory(loggerFactory);
        return builder.Build();
    }

    private static bool Has(DbConnectionStringBuilder given, params string[] keywords) =>
        keywords.Any(keyword => given.ContainsKey(keyword));
}
