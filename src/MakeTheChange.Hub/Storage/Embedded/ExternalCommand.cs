using System.Diagnostics;

namespace MakeTheChange.Hub.Storage.Embedded;

internal sealed class ExternalCommand
{
    private readonly string _executable;
    private readonly IReadOnlyList<string> _arguments;
    private readonly string? _runAsUser;
    private readonly string _workingDirectory;

    public ExternalCommand(string executable, IEnumerable<string> arguments, string? runAsUser, string workingDirectory)
    {
        _executable = executable;
        _arguments = arguments.ToList();
        _runAsUser = runAsUser;
        _workingDirectory = workingDirectory;
    }

    // For messages only: the process itself gets its arguments as a list, without a shell.
    public string CommandLine =>
        (_runAsUser is null ? "" : $"runuser -u {_runAsUser} -- ") +
        string.Join(' ', new[] { _executable }.Concat(_arguments).Select(argument => argument.Contains(' ', StringComparison.Ordinal) ? $"\"{argument}\"" : argument));

    public async Task<CommandResult> RunAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = BuildStartInfo() };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new EmbeddedPostgresException($"Could not start '{CommandLine}': {exception.Message}", exception);
        }

        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var standardError = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException cancelled)
        {
            // A half-finished initdb or pg_ctl must not keep running behind our back.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new EmbeddedPostgresException(
                $"'{CommandLine}' did not finish within {timeout.TotalSeconds:0} s and was stopped.{Environment.NewLine}" +
                new CommandResult(CommandLine, -1, await standardOutput, await standardError).OutputTail(),
                cancelled);
        }

        return new CommandResult(
            CommandLine,
            process.ExitCode,
            await standardOutput,
            await standardError);
    }

    public async Task<CommandResult> RunCheckedAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        (await RunAsync(timeout, cancellationToken)).ThrowIfFailed();

    private ProcessStartInfo BuildStartInfo()
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = _runAsUser is null ? _executable : "runuser",
            WorkingDirectory = _workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        if (_runAsUser is not null)
        {
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add(_runAsUser);
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(_executable);
        }

        foreach (var argument in _arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }
}
