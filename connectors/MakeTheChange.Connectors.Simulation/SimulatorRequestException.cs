using Microsoft.AspNetCore.Http;

namespace MakeTheChange.Connectors.Simulation;

/// <summary>A control request a simulator cannot carry out; <see cref="StatusCode"/> is what the control API answers.</summary>
public sealed class SimulatorRequestException : Exception
{
    public SimulatorRequestException(int statusCode, string message)
        : base(message) => StatusCode = statusCode;

    public SimulatorRequestException(string message, Exception innerException)
        : base(message, innerException) => StatusCode = StatusCodes.Status400BadRequest;

    public int StatusCode { get; }

    public static SimulatorRequestException NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public static SimulatorRequestException Invalid(string message) => new(StatusCodes.Status400BadRequest, message);

    public static SimulatorRequestException Conflict(string message) => new(StatusCodes.Status409Conflict, message);
}
