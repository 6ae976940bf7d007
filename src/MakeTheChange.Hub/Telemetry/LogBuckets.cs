namespace MakeTheChange.Hub.Telemetry;

/// <summary>
/// The fixed bucket layout of the snapshot's histograms: each power of two from 2^-10 to 2^31 is cut
/// into 16 equal buckets, so a bucket is at most 1/16 (6.25 %) of its lower bound wide whatever the
/// scale: sub-millisecond commits and batches of thousands alike. A value's bucket comes straight from
/// the bits of the double (its exponent and the top four bits of its mantissa): no logarithm, no search.
/// Bucket 0 takes zero, negatives and anything below 2^-10; the last bucket takes anything from 2^32 on.
/// Integers up to 31 each have a bucket of their own, so small batch sizes are exact.
/// </summary>
internal static class LogBuckets
{
    public const int Count = 2 + (MaxExponent - MinExponent + 1) * PerOctave;

    private const int SubBucketBits = 4;
    private const int PerOctave = 1 << SubBucketBits;
    private const int MinExponent = -10;
    private const int MaxExponent = 31;
    private const int MantissaBits = 52;
    private const int ExponentBias = 1023;

    private static readonly double Smallest = Math.ScaleB(1, MinExponent);
    private static readonly double Largest = Math.ScaleB(1, MaxExponent + 1);

    /// <summary>The bucket of a finite value.</summary>
    public static int IndexOf(double value)
    {
        if (!(value >= Smallest))
        {
            return 0;
        }

        if (value >= Largest)
        {
            return Count - 1;
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)(bits >> MantissaBits) - ExponentBias;
        var sub = (int)(bits >> (MantissaBits - SubBucketBits)) & (PerOctave - 1);
        return 1 + ((exponent - MinExponent) * PerOctave) + sub;
    }

    /// <summary>Where bucket <paramref name="index"/> starts (inclusive); the underflow bucket starts at 0.</summary>
    public static double LowerBound(int index) => index switch
    {
        0 => 0,
        Count - 1 => Largest,
        _ => Math.ScaleB(1 + ((index - 1) % PerOctave / (double)PerOctave), MinExponent + ((index - 1) / PerOctave)),
    };

    /// <summary>Where bucket <paramref name="index"/> ends (exclusive); the overflow bucket has no end.</summary>
    public static double UpperBound(int index) => index == Count - 1 ? double.PositiveInfinity : LowerBound(index + 1);

    /// <summary>
    /// The value below which a fraction <paramref name="quantile"/> of the measurements fall, interpolated
    /// within its bucket and kept within what was actually seen. For integer instruments it is an integer:
    /// a bucket under one unit wide holds a single integer, its lower bound.
    /// </summary>
    public static double Quantile(ReadOnlySpan<long> counts, long total, double quantile, double min, double max, bool integral)
    {
        var rank = quantile * total;
        long below = 0;
        for (var index = 0; index < counts.Length; index++)
        {
            var count = counts[index];
            if (count == 0 || below + count < rank)
            {
                below += count;
                continue;
            }

            var lower = Math.Max(LowerBound(index), min);
            var upper = Math.Min(UpperBound(index), max);
            var value = upper <= lower ? lower : lower + ((upper - lower) * (rank - below) / count);
            return Math.Clamp(integral ? Math.Floor(value) : value, min, max);
        }

        return max;
    }
}
