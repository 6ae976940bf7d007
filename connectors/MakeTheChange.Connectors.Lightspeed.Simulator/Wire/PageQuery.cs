using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Wire;

/// <summary>
/// <c>?after={version}&amp;page_size={n}</c> of a 2.0 list: <c>after</c> defaults to 0 (the first page,
/// x-series-api.lightspeedhq.com/docs/pagination), <c>page_size</c> to 100, at most 1000.
/// </summary>
internal sealed record PageQuery(long After, int PageSize)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    /// <summary>Reads the query; an invalid value is an error message rather than a guess.</summary>
    public static PageQuery? TryRead(IQueryCollection query, out string? error)
    {
        error = null;
        var after = 0L;
        if (query.TryGetValue("after", out var afterText)
            && (!long.TryParse(afterText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            error = "after must be a version: a whole number, 0 or more.";
            return null;
        }

        var pageSize = DefaultPageSize;
        if (query.TryGetValue("page_size", out var sizeText)
            && (!int.TryParse(sizeText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            error = string.Create(CultureInfo.InvariantCulture, $"page_size must be a whole number from 1 to {MaxPageSize}.");
            return null;
        }

        return new PageQuery(after, pageSize);
    }
}
