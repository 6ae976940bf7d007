namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>
/// Square's read-only <c>source</c> of a change: <c>product</c> tells API writes (EXTERNAL_API, with the
/// <c>application_id</c>) from till sales (SQUARE_POS) and back-office recounts (DASHBOARD).
/// </summary>
internal sealed record SourceApplication(string Product, string? ApplicationId, string Name)
{
    public static SourceApplication SquarePos { get; } = new("SQUARE_POS", ApplicationId: null, "Square Point of Sale (simulated)");

    public static SourceApplication Dashboard { get; } = new("DASHBOARD", ApplicationId: null, "Square Dashboard (simulated)");

    public static SourceApplication ExternalApi(string applicationId) => new("EXTERNAL_API", applicationId, applicationId);
}
