using System.Text.RegularExpressions;
using MakeTheChange.Hub.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace MakeTheChange.Hub.Products;

/// <summary>The catalog (api.md, "Locations and products").</summary>
public static partial class ProductsEndpoints
{
    private const int MaxPriceCents = 100_000_000;

    public static RouteGroupBuilder MapProductsEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/products").WithTags("Products");
        group.MapPut("/{sku}", PutAsync).WithSummary("Create or update a product");
        group.MapGet("/{sku}", GetAsync).WithSummary("A product").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync).WithSummary("Products by SKU, a page at a time");
        return group;
    }

    private static async Task<Results<Ok<ProductResponse>, ValidationProblem>> PutAsync(
        string sku,
        ProductRequest? request,
        ProductCatalog catalog,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.RequireId("sku", sku);
        if (request is null)
        {
            errors.Add("body", "A JSON body is required.");
            return ApiProblems.Invalid(errors);
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            errors.Add("name", "name is required, at most 200 characters.");
        }

        errors.MaxLength("category", request.Category, 100);
        if (request.PriceCents is < 0 or > MaxPriceCents)
        {
            errors.Add("priceCents", $"priceCents is between 0 and {MaxPriceCents}.");
        }

        if (request.Currency is not null && !CurrencyCode().IsMatch(request.Currency))
        {
            errors.Add("currency", "currency is an ISO 4217 code such as EUR.");
        }

        if (request.Currency is not null && request.PriceCents is null)
        {
            errors.Add("currency", "currency goes with priceCents.");
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        // The retailer sells in euros; a price without a currency is in euros.
        var currency = request.PriceCents is null ? null : request.Currency ?? "EUR";
        var product = await catalog.UpsertAsync(sku, request.Name!.Trim(), request.Category, request.PriceCents, currency, cancellationToken);
        return TypedResults.Ok(ProductResponse.Of(product));
    }

    private static async Task<Results<Ok<ProductResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string sku,
        ProductCatalog catalog,
        CancellationToken cancellationToken)
    {
        if (!ResourceIds.IsValid(sku))
        {
            return ApiProblems.Invalid("sku", $"sku must be {ResourceIds.Rule}.");
        }

        return await catalog.FindAsync(sku, cancellationToken) is { } product
            ? TypedResults.Ok(ProductResponse.Of(product))
            : ApiProblems.NotFound($"No product with SKU '{sku}'.");
    }

    private static async Task<Results<Ok<ProductPage>, ValidationProblem>> ListAsync(
        string? after,
        int? limit,
        ProductCatalog catalog,
        CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 1000)
        {
            return ApiProblems.Invalid("limit", "limit is between 1 and 1000.");
        }

        if (after is not null && !ResourceIds.IsValid(after))
        {
            return ApiProblems.Invalid("after", "after is the cursor returned as next by the previous page.");
        }

        var take = limit ?? 100;
        var products = await catalog.ListAsync(after, take, cancellationToken);
        return TypedResults.Ok(new ProductPage([.. products.Select(ProductResponse.Of)], products.Count == take ? products[^1].Sku : null));
    }

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex CurrencyCode();
}
