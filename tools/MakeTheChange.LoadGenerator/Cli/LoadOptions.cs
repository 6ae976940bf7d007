using System.Globalization;
using MakeTheChange.LoadGenerator.Load;
using MakeTheChange.LoadGenerator.Scenarios;
using MakeTheChange.LoadGenerator.Servers;

namespace MakeTheChange.LoadGenerator.Cli;

/// <summary>The command line: which scenarios, how long, how hard, against what.</summary>
internal sealed record LoadOptions(
    IReadOnlyList<string> Scenarios,
    int Runs,
    TimeSpan Warmup,
    TimeSpan Duration,
    LoadModel Model,
    IReadOnlyList<TargetKind> Targets,
    IReadOnlyDictionary<string, string> HubSettings,
    string? OutputPath,
    bool SqlProfile,
    bool SingleProcess)
{
    public const string Usage = """
        dotnet run -c Release --project tools/MakeTheChange.LoadGenerator -- [scenario ...] [options]

        scenarios   movements hot-sku reservation-race mixed pos-storm scale (default: all of them)
        --runs N            runs of each scenario and target, reported as medians (default 3)
        --warmup S          seconds of load before the measured window (default 30: the hub's JIT is still
                            compiling 10 s in, on two shared cores)
        --duration S        seconds measured (default 15)
        --clients N         closed model: concurrent clients (default 256); open model: most connections
        --rate R            open model: R requests per second, whatever the answers (latency counts from
                            the intended arrival, so a queue shows)
        --targets LIST      hub,baseline (default both, run in the same invocation on the same PostgreSQL)
        --hub NAME=VALUE    a hub setting for every hub process (e.g. --hub Hub:Grains:MaxCallsPerBatch=1)
        --out FILE          also write the Markdown report there
        --sql-profile       after each run, the statements PostgreSQL spent most time on in the measured
                            window (pg_stat_statements, loaded for the purpose)
        --single-process    every request through one process of each target, also in reservation-race
                            (which otherwise sends half of them through a second one)
        """;

    /// <summary>How many processes of each target a run of <paramref name="scenario"/> starts.</summary>
    public int ProcessesFor(IScenario scenario) => SingleProcess ? 1 : scenario.Nodes;

    public static LoadOptions Parse(string[] args)
    {
        var scenarios = new List<string>();
        var (runs, warmup, duration, clients) = (3, 30.0, 15.0, 256);
        double? rate = null;
        List<TargetKind> targets = [TargetKind.Hub, TargetKind.Baseline];
        var hub = new Dictionary<string, string>(StringComparer.Ordinal);
        string? output = null;
        var sqlProfile = false;
        var singleProcess = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new UsageException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--runs": runs = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--duration": duration = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--clients": clients = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--rate": rate = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--targets": targets = [.. Value().Split(',').Select(name => Enum.Parse<TargetKind>(name, ignoreCase: true))]; break;
                case "--hub":
                    var setting = Value().Split('=', 2);
                    hub[setting[0]] = setting.Length == 2 ? setting[1] : throw new UsageException("--hub takes NAME=VALUE.");
                    break;
                case "--out": output = Value(); break;
                case "--sql-profile": sqlProfile = true; break;
                case "--single-process": singleProcess = true; break;
                case "--help" or "-h": throw new UsageException(Usage);
                default:
                    scenarios.Add(args[i].StartsWith('-') ? throw new UsageException($"Unknown option {args[i]}.\n\n{Usage}") : args[i]);
                    break;
            }
        }

        return new LoadOptions(
            scenarios.Count == 0 ? ["movements", "hot-sku", "reservation-race", "mixed", "pos-storm", "scale"] : scenarios,
            runs,
            TimeSpan.FromSeconds(warmup),
            TimeSpan.FromSeconds(duration),
            new LoadModel(clients, rate),
            targets,
            hub,
            output,
            sqlProfile,
            singleProcess);
    }
}
