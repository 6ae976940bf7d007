using Microsoft.AspNetCore.Http;

namespace MakeTheChange.Connectors.Simulation.Control;

/// <summary>
/// How the <c>/simulator</c> control endpoints answer: with what the action returns, or with a problem when it
/// throws a <see cref="SimulatorRequestException"/>.
/// </summary>
public static class ControlResults
{
    public static IResult Run(Func<IResult> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return action();
        }
        catch (SimulatorRequestException exception)
        {
            return Problem(exception.StatusCode, exception.Message);
        }
    }

    public static async Task<IResult> RunAsync(Func<Task<IResult>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action();
        }
        catch (SimulatorRequestException exception)
        {
            return Problem(exception.StatusCode, exception.Message);
        }
    }

    public static IResult Problem(int statusCode, string detail) =>
        TypedResults.Problem(detail, statusCode: statusCode, title: statusCode switch
        {
            StatusCodes.Status404NotFound => "Not found",
            StatusCodes.Status409Conflict => "Conflict",
            _ => "Invalid simulator request",
        });
}
