using MakeTheChange.LoadGenerator.Http;
using MakeTheChange.LoadGenerator.Load;
using MakeTheChange.LoadGenerator.Servers;

namespace MakeTheChange.LoadGenerator.Scenarios;

/// <summary>
/// Stock movements through the HTTP API: receipts and sales, spread over the catalog
/// (<c>movements</c>) or all on one SKU at one location (<c>hot-sku</c>).
/// </summary>
internal sealed class MovementsScenario(string name, Catalog catalog) : IScenario
{
    public static MovementsScenario Spread { get; } = new("movements", new Catalog(50, 2_000));

    public static MovementsScenario Hot { get; } = new("hot-sku", new Catalog(1, 1));

    public string Name => name;

    public string Description => $"receipts and sales over {catalog.Locations} locations × {catalog.Skus} SKUs";

    public int Nodes => 1;

    public async Task<IScenarioRun> PrepareAsync(ServerUnderTest target, string runId, CancellationToken cancellationToken)
    {
        await catalog.SeedAsync(target, cancellationToken);
        return new Run(target, catalog, new MovementLedger(runId), target.Requests(0));
    }

    private sealed class Run(ServerUnderTest target, Catalog catalog, MovementLedger ledger, HttpRequestBytes requests) : IScenarioRun
    {
        public Operation Next(Random random)
        {
            var (sku, location) = catalog.RandomKey(random);
            var id = ledger.NextId();
            var (kind, quantity) = random.Next(2) == 0 ? ("receipt", 2) : ("sale", 1);
            return new Operation(
                0,
                requests.Post($"/api/stock/{sku}/{location}/movements", $$"""{"movementId":"{{id}}","kind":"{{kind}}","quantity":{{quantity}}}"""),
                OperationKind.Movement,
                id);
        }

        public Outcome Answered(in Operation operation, int status)
        {
            if (status != 200)
            {
                return Outcome.Error;
            }

            ledger.Acknowledge((string)operation.Tag!);
            return Outcome.Success;
        }

        public Task<IReadOnlyList<InvariantCheck>> CheckAsync(CancellationToken cancellationToken) =>
            LedgerChecks.CheckAsync(target.Kind, target.Database, ledger.RunId, ledger.Acknowledged, ledger.Sent, cancellationToken);
    }
}
