namespace MakeTheChange.Hub.Products;

/// <summary>Products by SKU; <c>next</c> is the cursor of the following page, null at the end.</summary>
public sealed record ProductPage(IReadOnlyList<ProductResponse> Items, string? Next);
