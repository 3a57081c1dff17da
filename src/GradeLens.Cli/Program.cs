using System.CommandLine;
using GradeLens.Cli.Commands;
using GradeLens.Cli.Commands.Users;
using Spectre.Console;

// Off a terminal: plain text (no colour or escape codes), and tables laid out wide instead of wrapped at 80 columns.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Capabilities.Ansi = false;
    AnsiConsole.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
    AnsiConsole.Profile.Width = 240;
}

// gradelens: the command line. Each command lives in Commands/ and is a thin host over GradeLens.Core.
var root = new RootCommand("GradeLens: turns assessment spreadsheets into answers. Run 'gradelens demo' to see it with sample data.")
{
    DemoCommand.Create(),
    ImportCommand.Create(),
    InfoCommand.Create(),
    BackupCommand.Create(),
    RestoreCommand.Create(),
    ServeCommand.Create(),
    UserCommand.Create(),
    GapsCommand.Create(),
    ExploreCommand.Create(),
    GradeLens.Cli.Commands.Quality.QualityCommand.Create(),
    TrainCommand.Create(),
    GradeLens.Cli.Commands.Areas.AreasCommand.Create(),
    GradeLens.Cli.Commands.Report.ReportCommand.Create(),
    BenchCommand.Create(),
};

return await CommandLine.RunAsync(root, args);
