using MakeTheChange.Connectors.Simulation.Hosting;
using MakeTheChange.LoadGenerator.Servers;

namespace MakeTheChange.LoadGenerator.Scenarios.PosStorm;

/// <summary>
/// What every vendor's tills share: the simulator host they run on, the hub stores they are at, and the way
/// they are connected to the hub (stores, products and counts first, then webhooks, then the hub's connection).
/// </summary>
internal abstract class SimulatedPos<TSimulator>(SimulatorHost<TSimulator> host, IReadOnlyList<string> stores) : IAsyncDisposable
    where TSimulator : notnull
{
    public abstract string ConnectionId { get; }

    public IReadOnlyList<string> Stores => stores;

    protected TSimulator Simulator => host.Simulator;

    /// <summary>The simulator's root URL, which the hub's connection calls.</summary>
    protected Uri BaseUrl => host.BaseUrl;

    /// <summary>The vendor's segment of the hub's webhook route, <c>webhooks/{segment}/{connectionId}</c>.</summary>
    protected abstract string WebhookRoute { get; }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    /// <summary>
    /// Gives the simulator the hub's stores, products and counts as they stand (<paramref name="onHand"/>
    /// everywhere) and connects the hub to it; disposes of the tills when any of that fails.
    /// </summary>
    protected static async Task<TTills> ConnectAsync<TTills>(TTills tills, ServerUnderTest hub, IReadOnlyList<string> skus, int onHand, CancellationToken cancellationToken)
        where TTills : SimulatedPos<TSimulator>
    {
        try
        {
            foreach (var store in tills.Stores)
            {
                tills.AddStore(store);
            }

            foreach (var sku in skus)
            {
                tills.AddProduct(sku);
                foreach (var store in tills.Stores)
                {
                    tills.SetCount(sku, store, onHand);
                }
            }

            var notificationUrl = new Uri(hub.Nodes[0].Client.BaseAddress!, $"webhooks/{tills.WebhookRoute}/{tills.ConnectionId}").ToString();
            tills.Subscribe(notificationUrl);
            await HubConnections.PutAsync(hub, tills.ConnectionId, tills.Connection(notificationUrl), cancellationToken);
            return tills;
        }
        catch
        {
            await tills.DisposeAsync();
            throw;
        }
    }

    protected abstract void AddStore(string store);

    protected abstract void AddProduct(string sku);

    protected abstract void SetCount(string sku, string store, int onHand);

    /// <summary>Points the simulator's signed webhooks at the hub.</summary>
    protected abstract void Subscribe(string notificationUrl);

    /// <summary>The body of the hub's <c>PUT /api/connections/{id}</c> for this simulator.</summary>
    protected abstract object Connection(string notificationUrl);
}
