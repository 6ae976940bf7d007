using System.Net.Http.Json;
using System.Text.Json;
using MakeTheChange.LoadGenerator.Servers;

namespace MakeTheChange.LoadGenerator.Scenarios.PosStorm;

/// <summary>The hub's POS connections API as the scenario uses it: create a connection, read its health.</summary>
internal static class HubConnections
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary><c>PUT /api/connections/{id}</c>; throws with the hub's answer when refused.</summary>
    public static async Task PutAsync(ServerUnderTest hub, string connectionId, object connection, CancellationToken cancellationToken)
    {
        using var response = await hub.Nodes[0].Client.PutAsJsonAsync(new Uri($"/api/connections/{connectionId}", UriKind.Relative), connection, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The hub refused connection {connectionId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>The <c>health</c> of <c>GET /api/connections/{id}</c>.</summary>
    public static async Task<Health> HealthAsync(ServerUnderTest hub, string connectionId, CancellationToken cancellationToken)
    {
        var connection = await hub.Nodes[0].Client.GetFromJsonAsync<Connection>(new Uri($"/api/connections/{connectionId}", UriKind.Relative), Web, cancellationToken);
        return connection?.Health ?? throw new InvalidOperationException($"The hub has no connection {connectionId}.");
    }

    /// <summary>What the scenario reads of a connection's health.</summary>
    internal sealed record Health(long PendingEvents, double? EventLagSeconds, long PendingPushes, long Parked, string? LastError);

    private sealed record Connection(Health Health);
}
