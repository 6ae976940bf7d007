using MakeTheChange.LoadGenerator.Http;
using MakeTheChange.LoadGenerator.Load;
using MakeTheChange.LoadGenerator.Servers;

namespace MakeTheChange.LoadGenerator.Scenarios;

/// <summary>
/// Many clients reserve the last units of a few hot SKUs, half of them through a second process of the
/// target on the same database, until nothing is left; some reservations take two SKUs, all or nothing.
/// </summary>
internal sealed class ReservationRaceScenario : IScenario
{
    private const int HotSkus = 10;
    private const int UnitsEach = 2_000;
    private static readonly Catalog Catalog = new(1, HotSkus);

    public string Name => "reservation-race";

    public string Description => $"reservations race for {HotSkus} SKUs × {UnitsEach} units over two processes";

    public int Nodes => 2;

    public async Task<IScenarioRun> PrepareAsync(ServerUnderTest target, string runId, CancellationToken cancellationToken)
    {
        await Catalog.SeedAsync(target, cancellationToken);
        var keys = Enumerable.Range(0, HotSkus).Select(i => (Catalog.Sku(i), Catalog.Location(0))).ToList();
        await Catalog.ReceiveAsync(target, keys, UnitsEach, cancellationToken);
        return new Run(target, new ReservationBook(runId, keys), [.. Enumerable.Range(0, target.Nodes.Count).Select(target.Requests)]);
    }

    private sealed class Run(ServerUnderTest target, ReservationBook book, HttpRequestBytes[] nodes) : IScenarioRun
    {
        public Operation Next(Random random)
        {
            var first = Catalog.Sku(random.Next(HotSkus));
            ReservationBook.Line[] lines = random.Next(4) == 0
                ? [new(first, 1), new(Catalog.Sku((int.Parse(first.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture) + 1) % HotSkus), 1)]
                : [new(first, random.Next(1, 3))];
            var (json, _) = book.Next(Catalog.Location(0), lines);
            var node = random.Next(nodes.Length);
            return new Operation(node, nodes[node].Post("/api/reservations", json), OperationKind.Reservation, lines);
        }

        public Outcome Answered(in Operation operation, int status)
        {
            switch (status)
            {
                case 201:
                    book.Acknowledge(Catalog.Location(0), (ReservationBook.Line[])operation.Tag!);
                    return Outcome.Success;
                case 409:
                    return Outcome.Refused;
                default:
                    return Outcome.Error;
            }
        }

        public Task<IReadOnlyList<InvariantCheck>> CheckAsync(CancellationToken cancellationToken) =>
            HoldChecks.CheckAsync(target.Kind, target.Database, book.Acknowledged, cancellationToken);
    }
}
