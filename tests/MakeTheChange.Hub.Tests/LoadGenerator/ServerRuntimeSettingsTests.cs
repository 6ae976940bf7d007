using System.Text.Json;
using Shouldly;

namespace MakeTheChange.Hub.Tests.LoadGenerator;

/// <summary>The benchmark compares designs, not runtime knobs: the hub and the baseline run with the same settings.</summary>
public sealed class ServerRuntimeSettingsTests
{
    [Fact]
    public void The_hub_and_the_baseline_run_without_thread_pool_spinning_and_without_DATAS()
    {
        var hub = ConfigProperties("MakeTheChange.Hub.Host");
        var baseline = ConfigProperties("MakeTheChange.Baseline");

        foreach (var settings in new[] { hub, baseline })
        {
            settings["System.Threading.ThreadPool.UnfairSemaphoreSpinLimit"].ShouldBe("0");
            settings["System.GC.DynamicAdaptationMode"].ShouldBe("0");
            settings["System.GC.Server"].ShouldBe("true");
        }

        baseline.ShouldBe(hub);
    }

    /// <summary>The runtime settings a server starts with: its runtimeconfig.json, copied beside the tests.</summary>
    private static Dictionary<string, string> ConfigProperties(string assembly)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, $"{assembly}.runtimeconfig.json")));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").EnumerateObject()
            .ToDictionary(property => property.Name, property => property.Value.GetRawText(), StringComparer.Ordinal);
    }
}
