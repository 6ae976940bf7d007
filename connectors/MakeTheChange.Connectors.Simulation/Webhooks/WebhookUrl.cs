namespace MakeTheChange.Connectors.Simulation.Webhooks;

/// <summary>The check a simulator makes on the URL a webhook subscription POSTs to.</summary>
public static class WebhookUrl
{
    /// <summary>Returns <paramref name="url"/> when it is an absolute http or https URL; otherwise throws a 400 that names <paramref name="field"/>.</summary>
    public static string Require(string? url, string field)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            throw SimulatorRequestException.Invalid($"{field} must be an absolute http or https URL.");
        }

        return url;
    }
}
