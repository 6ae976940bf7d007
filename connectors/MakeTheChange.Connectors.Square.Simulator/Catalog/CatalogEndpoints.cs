using System.Text.Json.Nodes;
using MakeTheChange.Connectors.Square.Simulator.State;
using MakeTheChange.Connectors.Square.Simulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MakeTheChange.Connectors.Square.Simulator.Catalog;

/// <summary><c>POST /v2/catalog/search</c> and <c>POST /v2/catalog/batch-retrieve</c> (pos-apis.md §1.3).</summary>
internal static class CatalogEndpoints
{
    private const string SearchCursor = "catalog-search";
    private const int DefaultSearchLimit = 100;
    private const int MaxSearchLimit = 1000;

    public static void MapCatalogEndpoints(this RouteGroupBuilder v2)
    {
        v2.MapPost("/catalog/search", SearchAsync);
        v2.MapPost("/catalog/batch-retrieve", BatchRetrieveAsync);
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, SquareSimulator simulator, CancellationToken cancellationToken)
    {
        var body = await SquareRequestBody<SearchCatalogObjectsRequest>.ReadAsync(request, cancellationToken);
        if (body.Failure is not null)
        {
            return body.Failure;
        }

        var search = body.Value!;
        var errors = new SquareValidation();
        var after = errors.Cursor(search.Cursor, SearchCursor);
        if (body.Json!["query"] is JsonObject query)
        {
            foreach (var (name, _) in query.Where(property => property.Key != "exact_query"))
            {
                errors.Invalid($"query.{name}", $"The simulator supports exact_query only, not {name}.");
            }
        }

        var exact = search.Query?.ExactQuery;
        if (exact is { AttributeName: null })
        {
            errors.Missing("query.exact_query.attribute_name");
        }

        if (exact is { AttributeValue: null })
        {
            errors.Missing("query.exact_query.attribute_value");
        }

        if (errors.HasErrors)
        {
            return errors.ToResult();
        }

        // Square calls limit advisory and ignores a value outside 1..1000 rather than refusing it.
        var limit = search.Limit is >= 1 and <= MaxSearchLimit ? search.Limit.Value : DefaultSearchLimit;
        return SquareResults.Ok(simulator.Run(state => Search(state, search.ObjectTypes, exact, after, limit)));
    }

    private static SearchCatalogObjectsResponse Search(
        SimulatorState state,
        IReadOnlyList<string>? objectTypes,
        CatalogQueryExact? exact,
        string? after,
        int limit)
    {
        var wantsVariations = objectTypes is null || objectTypes.Contains(SimulatedVariation.ObjectType, StringComparer.Ordinal);
        var page = wantsVariations
            ? state.Catalog.All
                .Where(variation => after is null || string.CompareOrdinal(variation.Id, after) > 0)
                .Where(variation => exact is null || Matches(variation, exact))
                .Take(limit + 1)
                .ToList()
            : [];
        var cursor = page.Count > limit ? PageCursor.Encode(SearchCursor, page[limit - 1].Id) : null;
        var objects = page.Take(limit).Select(variation => variation.ToCatalogObject(SimulatorState.Currency)).ToList();
        return new SearchCatalogObjectsResponse(
            objects.Count == 0 ? null : objects,
            cursor,
            Rfc3339.Format(state.Catalog.LastUpdatedAt ?? state.Clock.WallNow));
    }

    /// <summary>
    /// Square's pitfall, reproduced on purpose: the spec says exact_query matching is
    /// "case-insensitive and can be partial", so "miel" also finds "MIEL-250" (pos-apis.md §1.3).
    /// </summary>
    private static bool Matches(SimulatedVariation variation, CatalogQueryExact exact)
    {
        var attribute = exact.AttributeName switch
        {
            "sku" => variation.Sku,
            "name" => variation.Name,
            _ => null,
        };
        return attribute is not null && attribute.Contains(exact.AttributeValue!, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<IResult> BatchRetrieveAsync(HttpRequest request, SquareSimulator simulator, CancellationToken cancellationToken)
    {
        var body = await SquareRequestBody<BatchRetrieveCatalogObjectsRequest>.ReadAsync(request, cancellationToken);
        if (body.Failure is not null)
        {
            return body.Failure;
        }

        if (body.Value!.ObjectIds is not { Count: > 0 } ids)
        {
            var errors = new SquareValidation();
            errors.Missing("object_ids");
            return errors.ToResult();
        }

        return SquareResults.Ok(simulator.Run(state =>
        {
            // Unknown ids are simply absent from the answer, as in Square.
            var objects = ids.Distinct(StringComparer.Ordinal)
                .Select(state.Catalog.Find)
                .OfType<SimulatedVariation>()
                .Select(variation => variation.ToCatalogObject(SimulatorState.Currency))
                .ToList();
            return new BatchRetrieveCatalogObjectsResponse(objects.Count == 0 ? null : objects);
        }));
    }
}
