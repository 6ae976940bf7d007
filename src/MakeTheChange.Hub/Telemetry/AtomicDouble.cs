namespace MakeTheChange.Hub.Telemetry;

/// <summary>
/// Lock-free updates of a shared double, for measurements recorded from many threads at once. Values
/// are compared by their bits, as CompareExchange does, so 0.0 and -0.0 cannot make an update vanish.
/// </summary>
internal static class AtomicDouble
{
    public static void Add(ref double location, double value)
    {
        var current = Volatile.Read(ref location);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref location, current + value, current);
            if (SameBits(seen, current))
            {
                return;
            }

            current = seen;
        }
    }

    public static void Min(ref double location, double value)
    {
        var current = Volatile.Read(ref location);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (SameBits(seen, current))
            {
                return;
            }

            current = seen;
        }
    }

    public static void Max(ref double location, double value)
    {
        var current = Volatile.Read(ref location);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (SameBits(seen, current))
            {
                return;
            }

            current = seen;
        }
    }

    private static bool SameBits(double left, double right) =>
        BitConverter.DoubleToInt64Bits(left) == BitConverter.DoubleToInt64Bits(right);
}
