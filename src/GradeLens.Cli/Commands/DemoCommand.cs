using System.CommandLine;
using GradeLens.Core;
using GradeLens.Core.Demo;
using GradeLens.Core.Storage;
using GradeLens.Web.Security;
using Spectre.Console;

namespace GradeLens.Cli.Commands;

/// <summary>
/// <c>gradelens demo</c>: builds a seeded demo store, then serves the dashboard over it: signed in automatically while it
/// listens on 127.0.0.1 only, else like <c>serve</c> (the first admin is created and users sign in).
/// </summary>
public static class DemoCommand
{
    public const string DefaultStore = "gradelens-demo.duckdb";

    public static Command Create()
    {
        var store = new Option<string?>("--store") { Description = $"Where to build the demo store (default: ./{DefaultStore}; replaced if it exists).", HelpName = "PATH" };
        var noServe = new Option<bool>("--no-serve") { Description = "Only build the store; do not serve the dashboard." };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator: the same seed gives the same data.", DefaultValueFactory = _ => 42 };
        var students = new Option<int>("--national-students") { Description = "Students in the national assessment.", DefaultValueFactory = _ => 100_000 };
        var urls = ServeCommand.UrlsOption();
        var command = new Command("demo", "Build a demo store with realistic generated data for every page, and serve the dashboard.")
        {
            store, noServe, seed, students, urls,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = Path.GetFullPath(parse.GetValue(store) ?? DefaultStore);
            foreach (var file in new[] { path, path + ".wal" })
            {
                File.Delete(file);
            }

            await using (var opened = await CommandLine.OpenStoreAsync(path, cancellationToken))
            {
                if (opened is null)
                {
                    return ExitCodes.BadInput;
                }

                var options = new DemoOptions(Seed: parse.GetValue(seed), NationalStudents: parse.GetValue(students));
                await BuildWithProgressAsync(opened, options, cancellationToken);
                var info = await opened.GetInfoAsync(Scope.Everything, cancellationToken);
                AnsiConsole.WriteLine($"Demo store {path}: {info.Students:N0} students, {info.TableCounts["results"]:N0} results, " +
                                      $"{info.TableCounts["areas"]:N0} areas, {info.TableCounts["he_modules"]:N0} university modules.");
            }

            if (parse.GetValue(noServe))
            {
                return ExitCodes.Success;
            }

            var listen = parse.GetValue(urls)!;
            var automatic = GradeLensSecurity.OnlyLoopback(listen);
            AnsiConsole.WriteLine(automatic
                ? "The demo signs in automatically (as the admin 'demo') because it listens on 127.0.0.1 only: nobody else can reach it."
                : $"The demo does not sign in automatically: {listen} reaches other computers, so visitors sign in.");
            return await ServeCommand.RunAsync(path, listen, automatic, cancellationToken);
        });
        return command;
    }

    private static async Task BuildWithProgressAsync(IGradeStore store, DemoOptions options, CancellationToken cancellationToken)
    {
        if (Console.IsErrorRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            await DemoBuilder.BuildAsync(store, options, null, cancellationToken);
            return;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var bar = context.AddTask("Building the demo store", maxValue: 100);
            var progress = new Progress<StageProgress>(p =>
            {
                bar.Description = Markup.Escape(p.Stage);
                bar.Value = p.Fraction * 100;
            });
            await DemoBuilder.BuildAsync(store, options, progress, cancellationToken);
            bar.Value = 100;
        });
    }
}
