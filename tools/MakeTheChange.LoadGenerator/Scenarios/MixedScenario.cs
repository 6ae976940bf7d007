using MakeTheChange.LoadGenerator.Http;
using MakeTheChange.LoadGenerator.Load;
using MakeTheChange.LoadGenerator.Servers;

namespace MakeTheChange.LoadGenerator.Scenarios;

/// <summary>
/// A store network's day: 80 % till sales (movements), 15 % availability reads, 5 % click &amp; collect
/// reservations. Sales go to the first 49 stores; reservations to the 50th, so that a sale never takes
/// held units and "held ≤ on hand" stays a fair check.
/// </summary>
internal sealed class MixedScenario : IScenario
{
    private const int ReservableSkus = 100;
    private const int ReservableUnits = 1_000;
    private static readonly Catalog Catalog = new(50, 2_000);
    private static readonly string ReservationStore = Catalog.Location(49);

    public string Name => "mixed";

    public string Description => "80 % sales, 15 % availability reads, 5 % reservations over 50 × 2,000";

    public int Nodes => 1;

    public async Task<IScenarioRun> PrepareAsync(ServerUnderTest target, string runId, CancellationToken cancellationToken)
    {
        await Catalog.SeedAsync(target, cancellationToken);
        var reservable = Enumerable.Range(0, ReservableSkus).Select(i => (Catalog.Sku(i), ReservationStore)).ToList();
        await Catalog.ReceiveAsync(target, reservable, ReservableUnits, cancellationToken);
        return new Run(target, new MovementLedger(runId), new ReservationBook(runId, reservable), target.Requests(0));
    }

    private sealed class Run(ServerUnderTest target, MovementLedger ledger, ReservationBook book, HttpRequestBytes requests) : IScenarioRun
    {
        public Operation Next(Random random)
        {
            var dice = random.Next(100);
            if (dice < 80)
            {
                var id = ledger.NextId();
                var path = $"/api/stock/{Catalog.Sku(random.Next(Catalog.Skus))}/{Catalog.Location(random.Next(Catalog.Locations - 1))}/movements";
                return new Operation(0, requests.Post(path, $$"""{"movementId":"{{id}}","kind":"sale","quantity":1}"""), OperationKind.Movement, id);
            }

            if (dice < 95)
            {
                var (sku, location) = Catalog.RandomKey(random);
                return new Operation(0, requests.Get($"/api/stock/{sku}/{location}"), OperationKind.Read);
            }

            ReservationBook.Line[] lines = [new(Catalog.Sku(random.Next(ReservableSkus)), 1)];
            var (json, _) = book.Next(ReservationStore, lines);
            return new Operation(0, requests.Post("/api/reservations", json), OperationKind.Reservation, lines);
        }

        public Outcome Answered(in Operation operation, int status)
        {
            switch (operation.Kind, status)
            {
                case (OperationKind.Movement, 200):
                    ledger.Acknowledge((string)operation.Tag!);
                    return Outcome.Success;
                case (OperationKind.Read, 200):
                    return Outcome.Success;
                case (OperationKind.Reservation, 201):
                    book.Acknowledge(ReservationStore, (ReservationBook.Line[])operation.Tag!);
                    return Outcome.Success;
                case (OperationKind.Reservation, 409):
                    return Outcome.Refused;
                default:
                    return Outcome.Error;
            }
        }

        public async Task<IReadOnlyList<InvariantCheck>> CheckAsync(CancellationToken cancellationToken) =>
        [
            .. await LedgerChecks.CheckAsync(target.Kind, target.Database, ledger.RunId, ledger.Acknowledged, ledger.Sent, cancellationToken),
            .. await HoldChecks.CheckAsync(target.Kind, target.Database, book.Acknowledged, cancellationToken),
        ];
    }
}
