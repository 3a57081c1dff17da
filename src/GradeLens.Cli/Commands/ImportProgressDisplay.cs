using GradeLens.Core.Storage;
using Spectre.Console;

namespace GradeLens.Cli.Commands;

/// <summary>Shows a progress bar for an import (or a backup, a restore) that takes longer than a second, on a terminal only.</summary>
public static class ImportProgressDisplay
{
    public static async Task<TReport> RunAsync<TReport>(Func<IProgress<ImportProgress>, Task<TReport>> import, string title = "Importing")
    {
        var latest = new ImportProgress("Starting", 0);
        var progress = new Progress<ImportProgress>(p => latest = p);
        var work = import(progress);
        var interactive = !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive || await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(1))) == work)
        {
            return await work;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var bar = context.AddTask(title, maxValue: 100);
            while (!work.IsCompleted)
            {
                bar.Description = Markup.Escape(latest.Stage);
                bar.Value = latest.Fraction * 100;
                await Task.WhenAny(work, Task.Delay(100));
            }

            bar.Value = 100;
        });
        return await work;
    }
}
