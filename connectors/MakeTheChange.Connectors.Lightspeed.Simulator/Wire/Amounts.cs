using System.Globalization;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Wire;

/// <summary>Quantities and money: X-Series keeps five decimal places (prices such as "6.95652" in its samples).</summary>
internal static class Amounts
{
    public const int MaxDecimalPlaces = 5;

    /// <summary>Drops trailing zeros, so that 21.000 is written 21.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    public static bool HasAtMostMaxDecimalPlaces(decimal value) => Math.Round(value, MaxDecimalPlaces) == value;

    /// <summary>Money as API 1.0 payloads write it: a string with two to five decimals ("8.50", "7.02479").</summary>
    public static string Money(decimal value) => value.ToString("0.00###", CultureInfo.InvariantCulture);

    public static string Quantity(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>A numeric string such as "-3" or "2.5" (stock adjustment quantities).</summary>
    public static bool TryParseNumericString(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)
            || !decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
            || !HasAtMostMaxDecimalPlaces(parsed))
        {
            return false;
        }

        value = Normalize(parsed);
        return true;
    }
}
