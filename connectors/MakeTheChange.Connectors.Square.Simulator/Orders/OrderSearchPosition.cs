using System.Globalization;

namespace MakeTheChange.Connectors.Square.Simulator.Orders;

/// <summary>Where a SearchOrders page ended: the sort time and id of its last order.</summary>
internal sealed record OrderSearchPosition(long SortTicks, string OrderId)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{SortTicks}:{OrderId}");

    public static OrderSearchPosition? Parse(string text)
    {
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        return separator > 0 && long.TryParse(text.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new OrderSearchPosition(ticks, text[(separator + 1)..])
            : null;
    }

    /// <summary>Whether an order sorts after this position in the requested direction.</summary>
    public bool Precedes(long sortTicks, string orderId, bool descending)
    {
        var byTime = sortTicks.CompareTo(SortTicks);
        var comparison = byTime != 0 ? byTime : string.CompareOrdinal(orderId, OrderId);
        return descending ? comparison < 0 : comparison > 0;
    }
}
