namespace MakeTheChange.Connectors.Lightspeed.Mapping;

/// <summary>Lightspeed counts in decimals; the hub counts whole units.</summary>
internal static class LightspeedQuantity
{
    public static bool TryUnits(decimal quantity, out int units)
    {
        units = 0;
        if (quantity != decimal.Truncate(quantity) || Math.Abs(quantity) > int.MaxValue)
        {
            return false;
        }

        units = (int)quantity;
        return true;
    }
}
