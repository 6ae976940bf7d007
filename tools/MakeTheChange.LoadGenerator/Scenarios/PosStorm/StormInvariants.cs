using System.Net;

namespace MakeTheChange.LoadGenerator.Scenarios.PosStorm;

/// <summary>What must hold once the storm is over and the hub has caught up.</summary>
internal static class StormInvariants
{
    /// <param name="lines">The lines rung, matched with the ledger.</param>
    /// <param name="received">What every key had before the tills opened.</param>
    /// <param name="onHand">The hub's on hand of every key the connections moved.</param>
    /// <param name="mismatched">How many of those levels differ from their ledger replayed.</param>
    /// <param name="forged">What the hub answered to a notice signed with the wrong key, by vendor.</param>
    /// <param name="webhooks">The simulators' delivery logs of genuine webhooks.</param>
    /// <param name="health">The connections' health.</param>
    public static IReadOnlyList<InvariantCheck> Check(
        SaleLines lines,
        int received,
        Dictionary<(string LocationId, string Sku), int> onHand,
        long mismatched,
        IReadOnlyDictionary<string, HttpStatusCode?> forged,
        IReadOnlyList<WebhookTally> webhooks,
        IReadOnlyList<HubConnections.Health> health)
    {
        var wrongLevels = lines.Sold.Count(pair => onHand.GetValueOrDefault(pair.Key, received) != received - pair.Value);
        var refused = webhooks.Sum(tally => tally.Refused);
        var parked = health.Sum(connection => connection.Parked);
        var signatureErrors = health.Count(connection => connection.LastError?.Contains("signature", StringComparison.OrdinalIgnoreCase) == true);
        return
        [
            new(
                "every sale line applied exactly once",
                lines.Missing == 0 && lines.Duplicated == 0 && lines.Unexpected == 0,
                $"{lines.Count} lines rung, {lines.Missing} missing, {lines.Duplicated} applied more than once, {lines.Unexpected} ledger rows no till rang"),
            new("level = ledger replayed", mismatched == 0, $"{mismatched} of {onHand.Count} touched levels differ from their ledger"),
            new("level = received − sold at the tills", wrongLevels == 0, $"{wrongLevels} of {lines.Sold.Count} keys sold differ"),
            new(
                "webhooks signature-checked",
                forged.Values.All(status => status == HttpStatusCode.Unauthorized) && refused == 0 && signatureErrors == 0 && parked == 0,
                $"forged notices answered {string.Join(", ", forged.Select(pair => $"{pair.Key} {(int?)pair.Value}"))}; {refused} genuine webhooks refused; {parked} events parked; {signatureErrors} connections with a signature error"),
        ];
    }
}
