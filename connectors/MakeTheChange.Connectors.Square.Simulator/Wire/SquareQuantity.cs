using System.Globalization;

namespace MakeTheChange.Connectors.Square.Simulator.Wire;

/// <summary>Square quantities are decimal strings with at most 5 decimal places (pos-apis.md §1.1).</summary>
internal static class SquareQuantity
{
    public const int MaxDecimalPlaces = 5;

    public static string Format(decimal value) => value.ToString("0.#####", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)
            || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0 && text.Length - point - 1 > MaxDecimalPlaces)
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
