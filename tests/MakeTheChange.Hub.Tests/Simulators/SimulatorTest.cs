using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MakeTheChange.Connectors.Simulation.Hosting;
using Microsoft.AspNetCore.Http;

namespace MakeTheChange.Hub.Tests.Simulators;

/// <summary>
/// Each test gets its own simulator on loopback, with a client for the vendor API, one for the control API,
/// and the webhook receivers it started, all disposed after it. A vendor's base starts its host, prepares
/// the API client and seeds the simulator.
/// </summary>
public abstract class SimulatorTest<THost, TSimulator> : IAsyncLifetime
    where THost : SimulatorHost<TSimulator>
    where TSimulator : notnull
{
    private readonly List<IAsyncDisposable> _receivers = [];
    private THost? _host;

    protected THost Host => _host ?? throw new InvalidOperationException("Not started.");

    protected TSimulator Simulator => Host.Simulator;

    protected HttpClient Api { get; private set; } = null!;

    protected HttpClient Control { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await StartHostAsync();
        Api = new HttpClient { BaseAddress = _host.BaseUrl };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiAccessToken);
        PrepareApi(Api);
        Control = new HttpClient { BaseAddress = _host.BaseUrl };
        Seed();
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        Control.Dispose();
        foreach (var receiver in _receivers)
        {
            await receiver.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>The bearer token every vendor API call carries.</summary>
    protected abstract string ApiAccessToken { get; }

    protected abstract Task<THost> StartHostAsync();

    /// <summary>Adds any header the vendor API needs besides the bearer token.</summary>
    protected virtual void PrepareApi(HttpClient api)
    {
    }

    /// <summary>Creates what every test of the vendor starts with.</summary>
    protected abstract void Seed();

    /// <summary>
    /// Starts a receiver for POSTs to <paramref name="path"/> and subscribes it with
    /// <c>PUT /simulator/webhooks</c>, the body <paramref name="settings"/> writes for the receiver's URL.
    /// </summary>
    protected async Task<WebhookReceiver<TWebhook>> SubscribeReceiverAsync<TWebhook>(
        string path,
        Func<HttpRequest, byte[], TWebhook> read,
        Func<string, string> settings)
    {
        var receiver = new WebhookReceiver<TWebhook>(path, read);
        _receivers.Add(receiver);
        await receiver.StartAsync();
        using var response = await Control.PutAsync("simulator/webhooks", Json(settings(receiver.Url)));
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        return receiver;
    }

    protected async Task<(HttpStatusCode Status, JsonNode Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Json(json) };
        using var response = await Api.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    protected Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    protected async Task<JsonNode> ControlAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Json(json) };
        using var response = await Control.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{method} {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    protected static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    protected static string[] Strings(JsonNode? array, string property) =>
        array is JsonArray items ? [.. items.Select(item => item![property]!.GetValue<string>())] : [];
}
