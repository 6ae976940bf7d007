using System.Globalization;

namespace MakeTheChange.Connectors.Square.Mapping;

/// <summary>Square quantities are decimal strings ("2", "1.50000"); the hub counts whole units.</summary>
internal static class SquareQuantity
{
    public static bool TryParseUnits(string? text, out int units)
    {
        units = 0;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quantity)
            || quantity != decimal.Truncate(quantity)
            || Math.Abs(quantity) > int.MaxValue)
        {
            return false;
        }

        units = (int)quantity;
        return true;
    }

    public static string Format(int units) => units.ToString(CultureInfo.InvariantCulture);
}
