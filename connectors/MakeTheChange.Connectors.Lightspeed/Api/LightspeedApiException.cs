using System.Net;

namespace MakeTheChange.Connectors.Lightspeed.Api;

/// <summary>Lightspeed refused a request for a reason it will give again (a 4xx other than 409 and 429).</summary>
public sealed class LightspeedApiException : Exception
{
    public LightspeedApiException()
    {
    }

    public LightspeedApiException(string message)
        : base(message)
    {
    }

    public LightspeedApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LightspeedApiException(HttpStatusCode status, string message)
        : base($"Lightspeed answered {(int)status}: {message}") => Status = status;

    public HttpStatusCode Status { get; }
}
