using System.Globalization;

namespace MakeTheChange.LoadGenerator.Measurement;

/// <summary>Resident memory of a process, from <c>/proc/{pid}/status</c>.</summary>
internal static class ProcessMemory
{
    public static long ResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process is gone.
        }

        return 0;
    }
}
