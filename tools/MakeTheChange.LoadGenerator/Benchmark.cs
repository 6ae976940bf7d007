using System.Globalization;
using MakeTheChange.LoadGenerator.Cli;
using MakeTheChange.LoadGenerator.Load;
using MakeTheChange.LoadGenerator.Measurement;
using MakeTheChange.LoadGenerator.Reporting;
using MakeTheChange.LoadGenerator.Scenarios;
using MakeTheChange.LoadGenerator.Scenarios.PosStorm;
using MakeTheChange.LoadGenerator.Servers;

namespace MakeTheChange.LoadGenerator;

/// <summary>
/// Runs each scenario against the hub and the baseline in turn (alternating which goes first, so that
/// drift of a shared, noisy machine falls on both), on one PostgreSQL, a fresh database per run.
/// </summary>
internal static class Benchmark
{
    private static readonly IScenario[] Compared =
    [
        MovementsScenario.Spread,
        MovementsScenario.Hot,
        new ReservationRaceScenario(),
        new MixedScenario(),
    ];

    public static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        if (!string.Equals(RepositoryLayout.Configuration, "Release", StringComparison.Ordinal))
        {
            Console.WriteLine($"Warning: built in {RepositoryLayout.Configuration}; figures are only meaningful with -c Release.");
        }

        Console.WriteLine($"Load model: {options.Model}; warm-up {options.Warmup.TotalSeconds:0} s, measured {options.Duration.TotalSeconds:0} s, {options.Runs} run(s) per target.");
        await using var postgres = await BenchmarkPostgres.StartAsync(options.SqlProfile, cancellationToken);
        var report = new Report();
        var uncomparedInvariantsHold = true;
        foreach (var name in options.Scenarios)
        {
            if (Compared.FirstOrDefault(scenario => scenario.Name == name) is { } scenario)
            {
                for (var run = 1; run <= options.Runs; run++)
                {
                    var order = run % 2 == 1 ? options.Targets : options.Targets.Reverse().ToList();
                    foreach (var target in order)
                    {
                        var result = await RunOnceAsync(scenario, target, run, postgres, options, cancellationToken);
                        report.Add(result);
                        Console.WriteLine(Report.Line(result));
                        foreach (var broken in result.Invariants.Where(check => !check.Holds))
                        {
                            Console.WriteLine($"    BROKEN {broken.Name}: {broken.Found}");
                        }
                    }
                }
            }
            else if (name == ScaleScenario.Name)
            {
                var scale = await ScaleScenario.RunAsync(postgres, options.Model, options.Duration * 4, options.HubSettings, cancellationToken);
                Console.WriteLine(scale);
                report.Note(scale.ToString());
            }
            else if (name == PosStormScenario.Name)
            {
                var storm = await PosStormScenario.RunAsync(postgres, options.Model.Rate ?? 200, options.Warmup, options.Duration, options.HubSettings, cancellationToken);
                Console.WriteLine(storm);
                report.Note(storm.ToString());
                uncomparedInvariantsHold &= storm.InvariantsHold;
            }
            else
            {
                Console.WriteLine($"Scenario {name} is not known; skipped.");
            }
        }

        var markdown = report.ToMarkdown();
        Console.WriteLine();
        Console.WriteLine(markdown);
        if (options.OutputPath is { } path)
        {
            await File.WriteAllTextAsync(path, markdown, cancellationToken);
        }

        return report.Runs.All(run => run.InvariantsHold) && uncomparedInvariantsHold ? 0 : 1;
    }

    private static async Task<RunResult> RunOnceAsync(IScenario scenario, TargetKind target, int run, BenchmarkPostgres postgres, LoadOptions options, CancellationToken cancellationToken)
    {
        var database = string.Create(CultureInfo.InvariantCulture, $"{scenario.Name.Replace('-', '_')}_{target.ToString().ToLowerInvariant()}_{run}");
        await using var server = await ServerUnderTest.StartAsync(
            target,
            postgres,
            database,
            options.ProcessesFor(scenario),
            target == TargetKind.Hub ? options.HubSettings : null,
            cancellationToken);
        var workload = await scenario.PrepareAsync(server, string.Create(CultureInfo.InvariantCulture, $"r{run}"), cancellationToken);
        var statements = options.SqlProfile ? new StatementProfile(server.Database) : null;
        if (statements is not null)
        {
            await statements.PrepareAsync(cancellationToken);
        }

        var (before, after) = ((TimeSpan.Zero, TimeSpan.Zero), (TimeSpan.Zero, TimeSpan.Zero));
        var load = await LoadRunner.RunAsync(
            [.. server.Nodes.Select(node => node.Endpoint)],
            workload,
            options.Model,
            options.Warmup,
            options.Duration,
            () =>
            {
                statements?.Reset();
                before = server.Cpu();
            },
            () => after = server.Cpu());
        if (statements is not null)
        {
            Console.WriteLine(await statements.ReportAsync(cancellationToken));
        }

        var invariants = await workload.CheckAsync(cancellationToken);
        return new RunResult(scenario.Name, target, run, load, after.Item1 - before.Item1, after.Item2 - before.Item2, invariants);
    }
}
