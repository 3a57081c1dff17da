using GradeLens.Core;
using Spectre.Console;

namespace GradeLens.Cli.Commands;

/// <summary>Shows a progress bar for long work (an import, a backup, a restore, a report) that takes longer than a second, on a terminal only.</summary>
public static class ProgressDisplay
{
    public static async Task<TReport> RunAsync<TReport>(Func<IProgress<StageProgress>, Task<TReport>> work, string title = "Importing")
    {
        var latest = new StageProgress("Starting", 0);
        var progress = new Progress<StageProgress>(p => latest = p);
        var running = work(progress);
        var interactive = !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive || await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(1))) == running)
        {
            return await running;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var bar = context.AddTask(title, maxValue: 100);
            while (!running.IsCompleted)
            {
                bar.Description = Markup.Escape(latest.Stage);
                bar.Value = latest.Fraction * 100;
                await Task.WhenAny(running, Task.Delay(100));
            }

            bar.Value = 100;
        });
        return await running;
    }
}
