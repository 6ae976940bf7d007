using System.Net.Http.Headers;
using System.Net.Http.Json;
using MakeTheChange.Baseline;
using MakeTheChange.Hub.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace MakeTheChange.Hub.Tests.Baseline;

/// <summary>
/// The benchmark's baseline app in this process, on a real loopback port, over a blank database of its
/// own; stock is seeded with SQL, as the load generator seeds it.
/// </summary>
public sealed class TestBaseline : IAsyncDisposable
{
    public const string AdminKey = "baseline-test-key-0123456789";

    private TestBaseline(WebApplication app, string connectionString)
    {
        App = app;
        ConnectionString = connectionString;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    public WebApplication App { get; }

    public string ConnectionString { get; }

    public HttpClient Client { get; }

    public static async Task<TestBaseline> StartAsync()
    {
        var connectionString = await TestPostgres.CreateBlankDatabaseAsync();
        var app = BaselineApplication.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--ConnectionStrings:Baseline={connectionString}",
            $"--Baseline:AdminApiKey={AdminKey}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        return new TestBaseline(app, connectionString);
    }

    public async Task SeedAsync(string locationId, string sku, int onHand) =>
        await Sql.ExecuteAsync(
            ConnectionString,
            "INSERT INTO baseline_stock (location_id, sku, on_hand, held, version, updated_at) VALUES ($1, $2, $3, 0, 0, now())",
            locationId,
            sku,
            onHand);

    public Task<HttpResponseMessage> PostMovementAsync(string sku, string locationId, object movement) =>
        Client.PostAsJsonAsync($"/api/stock/{sku}/{locationId}/movements", movement);

    public Task<HttpResponseMessage> ReserveAsync(string reservationId, string locationId, string sku, int quantity) =>
        Client.PostAsJsonAsync("/api/reservations", new { reservationId, locationId, channel = "click-and-collect", lines = new[] { new { sku, quantity } } });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
