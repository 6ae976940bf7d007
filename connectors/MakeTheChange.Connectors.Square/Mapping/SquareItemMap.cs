using MakeTheChange.Connectors.Square.Api;
using MakeTheChange.Hub.Connections;

namespace MakeTheChange.Connectors.Square.Mapping;

/// <summary>
/// Hub SKU ↔ Square item variation id, learnt from Square's catalog and remembered per connection.
/// Square's SKU search is case-insensitive and partial (pos-apis.md §1.3): only an exact match counts.
/// </summary>
internal sealed class SquareItemMap(PosConnectionStore store)
{
    /// <summary>The variation with exactly this SKU, or null (with why) when there is none or more than one.</summary>
    public async Task<(string? VariationId, string? Problem)> VariationForAsync(
        SquareApiClient square,
        PosConnection connection,
        string sku,
        CancellationToken cancellationToken)
    {
        if (await store.FindExternalItemAsync(connection.ConnectionId, sku, cancellationToken) is { } known)
        {
            return (known, null);
        }

        var candidates = await square.SearchVariationsBySkuAsync(sku, cancellationToken);
        var exact = candidates
            .Where(variation => variation.IsDeleted != true && string.Equals(variation.ItemVariationData?.Sku, sku, StringComparison.Ordinal))
            .ToList();
        switch (exact.Count)
        {
            case 0:
                return (null, $"No Square item variation has SKU '{sku}'.");
            case > 1:
                return (null, $"{exact.Count} Square item variations have SKU '{sku}'; the hub cannot tell which one to use.");
        }

        await store.RememberItemAsync(connection.ConnectionId, exact[0].Id, sku, cancellationToken);
        return (exact[0].Id, null);
    }

    /// <summary>
    /// The hub SKUs of these variations (their Square SKUs), by variation id, looked up together: one query
    /// for those already known, one catalog read for the others. A variation without a SKU is absent.
    /// </summary>
    public async Task<Dictionary<string, string>> SkusForAsync(SquareApiClient square, PosConnection connection, IReadOnlyCollection<string> variationIds, CancellationToken cancellationToken)
    {
        var skus = await store.FindSkusAsync(connection.ConnectionId, variationIds, cancellationToken);
        foreach (var unknown in variationIds.Where(id => !skus.ContainsKey(id)).Distinct(StringComparer.Ordinal).Chunk(100))
        {
            foreach (var variation in await square.RetrieveCatalogObjectsAsync(unknown, cancellationToken))
            {
                if (variation.ItemVariationData?.Sku is { Length: > 0 } sku && unknown.Contains(variation.Id, StringComparer.Ordinal))
                {
                    await store.RememberItemAsync(connection.ConnectionId, variation.Id, sku, cancellationToken);
                    skus[variation.Id] = sku;
                }
            }
        }

        return skus;
    }

    /// <summary>The hub SKU of a variation (its Square SKU), or null when the variation has none.</summary>
    public async Task<string?> SkuForAsync(SquareApiClient square, PosConnection connection, string variationId, CancellationToken cancellationToken) =>
        (await SkusForAsync(square, connection, [variationId], cancellationToken)).GetValueOrDefault(variationId);
}
