namespace MakeTheChange.Connectors.Square.Simulator.Locations;

/// <summary>Square's Location, as <c>GET /v2/locations</c> returns it (pos-apis.md §1.2).</summary>
internal sealed record SquareLocation(
    string Id,
    string Name,
    string Status,
    string Timezone,
    string Currency,
    string Country,
    string MerchantId,
    string Type,
    string BusinessName,
    string CreatedAt);
