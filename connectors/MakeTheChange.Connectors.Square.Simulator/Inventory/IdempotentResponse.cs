using System.Text.Json.Nodes;

namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>What a successful BatchChangeInventory answered, kept to replay it for the same key and body.</summary>
internal sealed record IdempotentResponse(JsonObject Request, byte[] Response);
