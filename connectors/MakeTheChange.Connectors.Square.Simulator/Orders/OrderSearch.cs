using System.Globalization;
using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.Orders;

/// <summary>SearchOrders: validation and the search itself (pos-apis.md §1.5).</summary>
internal static class OrderSearch
{
    public const string CreatedAt = "CREATED_AT";
    public const string UpdatedAt = "UPDATED_AT";
    public const string ClosedAt = "CLOSED_AT";
    public const string CursorName = "orders-search";
    private const int MaxLocations = 10;
    private const int DefaultLimit = 500;
    private const int MaxLimit = 1000;

    private static readonly IReadOnlySet<string> OrderStates = new HashSet<string>(["OPEN", "COMPLETED", "CANCELED", "DRAFT"], StringComparer.Ordinal);
    private static readonly IReadOnlySet<string> SortFields = new HashSet<string>([CreatedAt, UpdatedAt, ClosedAt], StringComparer.Ordinal);
    private static readonly IReadOnlySet<string> SortOrders = new HashSet<string>(["ASC", "DESC"], StringComparer.Ordinal);

    public static OrderSearchCriteria? Validate(SearchOrdersRequest request, SquareValidation errors)
    {
        if (request.LocationIds is not { Count: > 0 } locationIds)
        {
            errors.Missing("location_ids");
            locationIds = [];
        }
        else if (locationIds.Count > MaxLocations)
        {
            errors.Add(
                SquareErrorCodes.ArrayLengthTooLong,
                string.Create(CultureInfo.InvariantCulture, $"`location_ids` holds {locationIds.Count} ids; at most {MaxLocations} are allowed."),
                "location_ids");
        }

        var filter = request.Query?.Filter;
        var states = filter?.StateFilter is { } stateFilter ? ValidateStates(stateFilter, errors) : null;
        var (rangeField, range) = ValidateDateTimeFilter(filter?.DateTimeFilter, errors);
        var rangeStart = errors.OptionalTime(range?.StartAt, $"query.filter.date_time_filter.{rangeField?.ToLowerInvariant()}.start_at");
        var rangeEnd = errors.OptionalTime(range?.EndAt, $"query.filter.date_time_filter.{rangeField?.ToLowerInvariant()}.end_at");

        var sortField = request.Query?.Sort?.SortField ?? CreatedAt;
        var sortOrder = request.Query?.Sort?.SortOrder ?? "DESC";
        errors.EnumValues([sortField], SortFields, "query.sort.sort_field");
        errors.EnumValues([sortOrder], SortOrders, "query.sort.sort_order");

        // Square: the sort field must be the field of the date filter, and CLOSED_AT needs a state filter.
        if (rangeField is not null && rangeField != sortField)
        {
            errors.Invalid("query.sort.sort_field", $"A date_time_filter on {rangeField.ToLowerInvariant()} needs sort_field {rangeField}.");
        }

        if ((sortField == ClosedAt || rangeField == ClosedAt) && states is null)
        {
            errors.Invalid("query.filter.state_filter", "Sorting or filtering on CLOSED_AT needs a state_filter (COMPLETED or CANCELED).");
        }

        var limit = errors.Limit(request.Limit, DefaultLimit, MaxLimit);
        var position = errors.Cursor(request.Cursor, CursorName);
        var after = position is null ? null : OrderSearchPosition.Parse(position);
        if (position is not null && after is null)
        {
            errors.Add(SquareErrorCodes.InvalidCursor, "The cursor is not valid for this request.", "cursor");
        }

        return errors.HasErrors
            ? null
            : new OrderSearchCriteria(locationIds, states, rangeField, rangeStart, rangeEnd, sortField, sortOrder == "DESC", limit, after, request.ReturnEntries ?? false);
    }

    public static SearchOrdersResponse Search(OrderBook orders, OrderSearchCriteria criteria)
    {
        var matching = orders.All
            .Where(order => criteria.LocationIds.Contains(order.Order.LocationId, StringComparer.Ordinal))
            .Where(order => criteria.States is null || criteria.States.Contains(order.Order.State, StringComparer.Ordinal))
            .Where(order => criteria.RangeField is null || IsInRange(order.TimeOf(criteria.RangeField), criteria.RangeStart, criteria.RangeEnd))
            .Select(order => (Order: order, SortTicks: order.TimeOf(criteria.SortField)?.UtcTicks))
            .Where(entry => entry.SortTicks is not null)
            .Select(entry => (entry.Order, SortTicks: entry.SortTicks!.Value))
            .Where(entry => criteria.After is null || criteria.After.Precedes(entry.SortTicks, entry.Order.Order.Id, criteria.Descending));
        var sorted = criteria.Descending
            ? matching.OrderByDescending(entry => entry.SortTicks).ThenByDescending(entry => entry.Order.Order.Id, StringComparer.Ordinal)
            : matching.OrderBy(entry => entry.SortTicks).ThenBy(entry => entry.Order.Order.Id, StringComparer.Ordinal);
        var page = sorted.Take(criteria.Limit + 1).ToList();
        var cursor = page.Count > criteria.Limit
            ? PageCursor.Encode(CursorName, new OrderSearchPosition(page[criteria.Limit - 1].SortTicks, page[criteria.Limit - 1].Order.Order.Id).ToString())
            : null;
        var found = page.Take(criteria.Limit).Select(entry => entry.Order.Order).ToList();
        if (found.Count == 0)
        {
            return new SearchOrdersResponse(OrderEntries: null, Orders: null, cursor);
        }

        return criteria.ReturnEntries
            ? new SearchOrdersResponse([.. found.Select(order => new OrderEntry(order.Id, order.Version, order.LocationId))], Orders: null, cursor)
            : new SearchOrdersResponse(OrderEntries: null, found, cursor);
    }

    /// <summary>start_at is inclusive and end_at exclusive, so consecutive windows never see an order twice.</summary>
    private static bool IsInRange(DateTimeOffset? time, DateTimeOffset? start, DateTimeOffset? end) =>
        time is { } value && (start is null || value >= start) && (end is null || value < end);

    private static IReadOnlyList<string>? ValidateStates(SearchOrdersStateFilter stateFilter, SquareValidation errors)
    {
        if (stateFilter.States is not { Count: > 0 } states)
        {
            errors.Missing("query.filter.state_filter.states");
            return null;
        }

        errors.EnumValues(states, OrderStates, "query.filter.state_filter.states");
        return states;
    }

    private static (string? Field, TimeRange? Range) ValidateDateTimeFilter(SearchOrdersDateTimeFilter? filter, SquareValidation errors)
    {
        if (filter is null)
        {
            return (null, null);
        }

        List<(string Field, TimeRange Range)> ranges = [];
        if (filter.CreatedAt is { } created)
        {
            ranges.Add((CreatedAt, created));
        }

        if (filter.UpdatedAt is { } updated)
        {
            ranges.Add((UpdatedAt, updated));
        }

        if (filter.ClosedAt is { } closed)
        {
            ranges.Add((ClosedAt, closed));
        }

        if (ranges.Count > 1)
        {
            errors.Invalid("query.filter.date_time_filter", "Only one of created_at, updated_at or closed_at can be set.");
        }

        return ranges.Count == 0 ? (null, null) : ranges[0];
    }
}
