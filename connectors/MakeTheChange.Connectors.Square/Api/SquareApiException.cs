using System.Net;

namespace MakeTheChange.Connectors.Square.Api;

/// <summary>Square answered with an error it will give again for the same request (a 4xx other than 429).</summary>
public sealed class SquareApiException : Exception
{
    public SquareApiException()
    {
    }

    public SquareApiException(string message)
        : base(message)
    {
    }

    public SquareApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal SquareApiException(HttpStatusCode status, IReadOnlyList<SquareError> errors)
        : base($"Square answered {(int)status}: {string.Join("; ", errors.Select(error => $"{error.Code} {error.Detail}"))}")
    {
        Status = status;
    }

    public HttpStatusCode Status { get; }
}
