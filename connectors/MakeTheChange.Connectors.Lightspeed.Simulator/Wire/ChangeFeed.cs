namespace MakeTheChange.Connectors.Lightspeed.Simulator.Wire;

/// <summary>
/// A 2.0 list read as a change feed: the entities whose version is above <c>after</c>, in ascending
/// version order, one page at a time; the client asks again with <c>after = version.max</c> until
/// <c>data</c> is empty (pos-apis.md §2.1).
/// </summary>
internal static class ChangeFeed
{
    public static CollectionResponse<TWire> Page<T, TWire>(IEnumerable<T> entities, Func<T, long> version, PageQuery query, Func<T, TWire> toWire)
    {
        var page = entities
            .Where(entity => version(entity) > query.After)
            .OrderBy(version)
            .Take(query.PageSize)
            .ToList();
        return page.Count == 0
            ? new CollectionResponse<TWire>([], VersionRange.Empty)
            : new CollectionResponse<TWire>([.. page.Select(toWire)], new VersionRange(version(page[0]), version(page[^1])));
    }
}
