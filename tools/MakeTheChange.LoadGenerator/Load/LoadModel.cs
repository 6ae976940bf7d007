namespace MakeTheChange.LoadGenerator.Load;

/// <summary>
/// Closed model: <see cref="Clients"/> clients each send their next request when the last is answered.
/// Open model: requests arrive at <see cref="Rate"/> per second whatever the answers, over at most
/// <see cref="Clients"/> connections; latency counts from the intended arrival, so a queue shows.
/// </summary>
internal sealed record LoadModel(int Clients, double? Rate)
{
    public bool IsOpen => Rate is not null;

    public override string ToString() => IsOpen
        ? $"open, {Rate:0} req/s over ≤{Clients} connections"
        : $"closed, {Clients} clients";
}
