using MakeTheChange.Connectors.Lightspeed.Api;
using MakeTheChange.Hub.Connections;

namespace MakeTheChange.Connectors.Lightspeed.Mapping;

/// <summary>Hub SKU ↔ Lightspeed product id (each variant is its own product), learnt by SKU lookups and remembered.</summary>
internal sealed class LightspeedProductMap(PosConnectionStore store)
{
    /// <summary>The product with exactly this SKU, or null (with why) when there is none or more than one.</summary>
    public async Task<(string? ProductId, string? Problem)> ProductForAsync(
        LightspeedApiClient lightspeed,
        PosConnection connection,
        string sku,
        CancellationToken cancellationToken)
    {
        if (await store.FindExternalItemAsync(connection.ConnectionId, sku, cancellationToken) is { } known)
        {
            return (known, null);
        }

        var exact = (await lightspeed.FindProductsBySkuAsync(sku, cancellationToken))
            .Where(product => string.Equals(product.Sku, sku, StringComparison.Ordinal))
            .ToList();
        switch (exact.Count)
        {
            case 0:
                return (null, $"No Lightspeed product has SKU '{sku}'.");
            case > 1:
                return (null, $"{exact.Count} Lightspeed products have SKU '{sku}'; the hub cannot tell which one to use.");
        }

        await store.RememberItemAsync(connection.ConnectionId, exact[0].Id, sku, cancellationToken);
        return (exact[0].Id, null);
    }

    /// <summary>
    /// The hub SKUs of these Lightspeed products, by product id: those already known in one query, each of
    /// the others looked up once. A product without a SKU is absent.
    /// </summary>
    public async Task<Dictionary<string, string>> SkusForAsync(LightspeedApiClient lightspeed, PosConnection connection, IReadOnlyCollection<string> productIds, CancellationToken cancellationToken)
    {
        var skus = await store.FindSkusAsync(connection.ConnectionId, productIds, cancellationToken);
        foreach (var productId in productIds.Where(id => !skus.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList())
        {
            if (await lightspeed.GetProductAsync(productId, cancellationToken) is { Sku: { Length: > 0 } sku })
            {
                await store.RememberItemAsync(connection.ConnectionId, productId, sku, cancellationToken);
                skus[productId] = sku;
            }
        }

        return skus;
    }
}
