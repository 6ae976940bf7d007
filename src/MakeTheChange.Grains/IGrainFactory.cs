namespace MakeTheChange.Grains;

/// <summary>Gives references to grains; a grain is activated on its first call.</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : class;
}
