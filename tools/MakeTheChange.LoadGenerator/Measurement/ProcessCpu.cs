using System.Globalization;

namespace MakeTheChange.LoadGenerator.Measurement;

/// <summary>
/// CPU time of processes read from <c>/proc/{pid}/stat</c> (utime + stime, in clock ticks). For
/// PostgreSQL it adds every backend of the postmaster and what the postmaster reaped from exited ones
/// (cutime + cstime), so short-lived backends are counted too.
/// </summary>
internal static class ProcessCpu
{
    // USER_HZ is 100 on every Linux the hub targets (sysconf(_SC_CLK_TCK)); /proc reports in these ticks.
    private const double TicksPerSecond = 100;

    public static TimeSpan OfProcess(int pid) => Ticks(Read(pid) is { } stat ? stat.Utime + stat.Stime : 0);

    public static TimeSpan OfPostgres(int postmasterPid)
    {
        long ticks = 0;
        if (Read(postmasterPid) is { } postmaster)
        {
            ticks += postmaster.Utime + postmaster.Stime + postmaster.Cutime + postmaster.Cstime;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Read(pid) is { } stat && stat.ParentPid == postmasterPid)
            {
                ticks += stat.Utime + stat.Stime;
            }
        }

        return Ticks(ticks);
    }

    private static TimeSpan Ticks(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);

    private static Stat? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name may hold spaces and parentheses: the fields start after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return new Stat(
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[11], CultureInfo.InvariantCulture),
            long.Parse(fields[12], CultureInfo.InvariantCulture),
            long.Parse(fields[13], CultureInfo.InvariantCulture),
            long.Parse(fields[14], CultureInfo.InvariantCulture));
    }

    private sealed record Stat(int ParentPid, long Utime, long Stime, long Cutime, long Cstime);
}
