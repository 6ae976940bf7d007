namespace MakeTheChange.Baseline.Http;

/// <summary>Collects what is wrong with a request, field by field, for a validation problem.</summary>
internal sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public void RequireId(string field, string? value)
    {
        if (value is null)
        {
            Add(field, $"{field} is required.");
        }
        else if (!ResourceIds.IsValid(value))
        {
            Add(field, $"{field} must be {ResourceIds.Rule}.");
        }
    }

    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}
