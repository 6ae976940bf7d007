namespace MakeTheChange.Hub.Storage.Embedded;

internal sealed record CommandResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    private const int TailLines = 20;

    public bool Succeeded => ExitCode == 0;

    public CommandResult ThrowIfFailed()
    {
        if (!Succeeded)
        {
            throw new EmbeddedPostgresException(
                $"'{CommandLine}' failed with exit code {ExitCode}.{Environment.NewLine}{OutputTail()}");
        }

        return this;
    }

    // initdb and pg_ctl report most failures on stderr but a few only on stdout.
    public string OutputTail()
    {
        var source = string.IsNullOrWhiteSpace(StandardError) ? StandardOutput : StandardError;
        var lines = source.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(Environment.NewLine, lines.TakeLast(TailLines));
    }
}
