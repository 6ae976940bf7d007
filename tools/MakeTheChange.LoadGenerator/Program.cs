using MakeTheChange.LoadGenerator;
using MakeTheChange.LoadGenerator.Cli;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception exception) when (exception is UsageException or FormatException or ArgumentException)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, cancel) =>
{
    cancel.Cancel = true;
    stopping.Cancel();
};

return await Benchmark.RunAsync(options, stopping.Token);
