using System.Globalization;
using System.Text;
using MakeTheChange.LoadGenerator.Servers;

namespace MakeTheChange.LoadGenerator.Reporting;

/// <summary>Every run, then per scenario the medians of each target and hub/baseline, as Markdown.</summary>
internal sealed class Report
{
    private readonly List<RunResult> _runs = [];
    private readonly List<string> _notes = [];

    public IReadOnlyList<RunResult> Runs => _runs;

    public void Add(RunResult run) => _runs.Add(run);

    public void Note(string note) => _notes.Add(note);

    public static string Line(RunResult run) => string.Create(
        CultureInfo.InvariantCulture,
        $"{run.Scenario,-17} {run.Target,-8} run {run.Run}: {run.Load.Throughput,9:0} req/s  p50 {run.Load.Latency.P50,7:0.00} ms  p95 {run.Load.Latency.P95,7:0.00} ms  p99 {run.Load.Latency.P99,7:0.00} ms  " +
        $"errors {run.Load.Errors}  refused {run.Load.Refused}  CPU/op {run.CpuPerOperation,7:0.0} µs (server {run.ServerCpuPerOperation:0.0} + PostgreSQL {run.PostgresCpuPerOperation:0.0})  invariants {(run.InvariantsHold ? "hold" : "BROKEN")}");

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | target | throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | CPU/op (µs): server + PostgreSQL | errors | invariants |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var scenario in _runs.Select(run => run.Scenario).Distinct(StringComparer.Ordinal))
        {
            var byTarget = _runs.Where(run => run.Scenario == scenario).GroupBy(run => run.Target).ToDictionary(group => group.Key, group => Figures.Of([.. group]));
            foreach (var (target, figures) in byTarget)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {scenario} | {target} | {figures.Throughput:0} | {figures.P50:0.00} | {figures.P95:0.00} | {figures.P99:0.00} | {figures.CpuPerOperation:0.0} ({figures.ServerCpu:0.0} + {figures.PostgresCpu:0.0}) | {figures.Errors} | {(figures.InvariantsHold ? "hold" : "**broken**")} |");
            }

            if (byTarget.TryGetValue(TargetKind.Hub, out var hub) && byTarget.TryGetValue(TargetKind.Baseline, out var baseline))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {scenario} | **hub/baseline** | **{hub.Throughput / baseline.Throughput:0.00}×** | {hub.P50 / baseline.P50:0.00} | {hub.P95 / baseline.P95:0.00} | {hub.P99 / baseline.P99:0.00} | **{hub.CpuPerOperation / baseline.CpuPerOperation:0.00}** | | |");
            }
        }

        foreach (var note in _notes)
        {
            text.AppendLine().AppendLine(note);
        }

        return text.ToString();
    }
}
