namespace MakeTheChange.Grains;

/// <summary>Addresses a grain: the type name it was registered under and its key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
