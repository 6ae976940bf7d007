using MakeTheChange.LoadGenerator.Load;
using MakeTheChange.LoadGenerator.Scenarios;
using MakeTheChange.LoadGenerator.Servers;

namespace MakeTheChange.LoadGenerator.Reporting;

/// <summary>One run of one scenario against one target.</summary>
internal sealed record RunResult(
    string Scenario,
    TargetKind Target,
    int Run,
    LoadResult Load,
    TimeSpan ServerCpu,
    TimeSpan PostgresCpu,
    IReadOnlyList<InvariantCheck> Invariants)
{
    /// <summary>Server plus PostgreSQL CPU per answered request, in microseconds.</summary>
    public double CpuPerOperation => Load.Answered == 0 ? double.NaN : (ServerCpu + PostgresCpu).TotalMicroseconds / Load.Answered;

    public double ServerCpuPerOperation => Load.Answered == 0 ? double.NaN : ServerCpu.TotalMicroseconds / Load.Answered;

    public double PostgresCpuPerOperation => Load.Answered == 0 ? double.NaN : PostgresCpu.TotalMicroseconds / Load.Answered;

    public bool InvariantsHold => Invariants.All(check => check.Holds);
}
