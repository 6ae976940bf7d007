using Microsoft.AspNetCore.Http;

namespace MakeTheChange.Connectors.Lightspeed.Simulator;

/// <summary>A control request the simulator cannot carry out; <see cref="StatusCode"/> is what the control API answers.</summary>
public sealed class SimulatorRequestException : Exception
{
    public SimulatorRequestException(int statusCode, string message)
        : base(message) => StatusCode = statusCode;

    public SimulatorRequestException(string message, Exception innerException)
        : base(message, innerException) => StatusCode = StatusCodes.Status400BadRequest;

    public int StatusCode { get; }

    internal static SimulatorRequestException NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    internal static SimulatorRequestException Invalid(string message) => new(StatusCodes.Status400BadRequest, message);

    internal static SimulatorRequestException Conflict(string message) => new(StatusCodes.Status409Conflict, message);
}
