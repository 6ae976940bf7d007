using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace MakeTheChange.LoadGenerator.Scenarios;

/// <summary>Reservations of one run: their bodies, and the units acknowledged per SKU-location.</summary>
internal sealed class ReservationBook(string runId, IEnumerable<(string Sku, string Location)> keys)
{
    private readonly ConcurrentDictionary<(string Sku, string Location), long> _held = new(keys.Select(key => KeyValuePair.Create(key, 0L)));
    private long _next;

    public IReadOnlyDictionary<(string Sku, string Location), long> Acknowledged => _held;

    public (string Json, Line[] Lines) Next(string location, Line[] lines)
    {
        var id = $"{runId}-{Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture)}";
        var json = new StringBuilder(160)
            .Append(CultureInfo.InvariantCulture, $$"""{"reservationId":"{{id}}","locationId":"{{location}}","channel":"click-and-collect","lines":[""");
        for (var i = 0; i < lines.Length; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""{"sku":"{{lines[i].Sku}}","quantity":{{lines[i].Quantity}}}""");
        }

        return (json.Append("]}").ToString(), lines);
    }

    public void Acknowledge(string location, Line[] lines)
    {
        foreach (var line in lines)
        {
            _held.AddOrUpdate((line.Sku, location), line.Quantity, (_, held) => held + line.Quantity);
        }
    }

    internal sealed record Line(string Sku, int Quantity);
}
