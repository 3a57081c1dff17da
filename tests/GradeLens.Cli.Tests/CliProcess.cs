using System.Diagnostics;
using System.Text;

namespace GradeLens.Cli.Tests;

/// <summary>Runs the real gradelens command (copied beside the tests by the project reference) as a child process.</summary>
public static class CliProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "gradelens.dll");

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["GRADELENS_STORE"] = "";
        info.Environment.Remove("GRADELENS_ADMIN_PASSWORD");
        return info;
    }

    public static Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) => RunAsync(StartInfo(args));

    /// <summary>Runs with <paramref name="input"/> on standard input (then closed).</summary>
    public static Task<(int ExitCode, string Out, string Error)> RunWithInputAsync(string input, params string[] args) => RunAsync(StartInfo(args), input);

    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(ProcessStartInfo info, string? input = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.RedirectStandardInput = input is not null;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts a long-running command (serve), reads its output up to the first line containing <paramref name="marker"/>, then kills it.</summary>
    /// <returns>The output up to that line; all of it and its errors when the process ended first.</returns>
    public static async Task<string> RunUntilAsync(ProcessStartInfo info, string marker)
    {
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = new StringBuilder();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.AppendLine(line);
                if (line.Contains(marker, StringComparison.Ordinal))
                {
                    return output.ToString();
                }
            }

            await process.WaitForExitAsync(timeout.Token);
            return output + await error;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }
}
