using System.CommandLine;
using GradeLens.Core.Storage;

namespace GradeLens.Cli.Commands;

/// <summary>Exit codes: 0 success, 1 bad input (a file, a store), 2 usage error.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int Usage = 2;
}

/// <summary>Parsing, usage errors and the options several commands share.</summary>
public static class CommandLine
{
    public static Option<string?> StoreOption() => new("--store")
    {
        Description = $"The store: a DuckDB file path or a postgres://user[:password]@host[:port]/database URL. Default: ${StoreLocation.EnvironmentVariable}, else ./{StoreLocation.DefaultPath}.",
        HelpName = "PATH",
    };

    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync("gradelens: " + error.Message);
            }

            await Console.Error.WriteLineAsync("Run 'gradelens --help' (or 'gradelens COMMAND --help') for usage.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync();
    }

    /// <summary>Opens the store, turning the expected failures into one line on stderr.</summary>
    public static async Task<IGradeStore?> OpenStoreAsync(string? option, CancellationToken cancellationToken)
    {
        var location = StoreLocation.Resolve(option);
        try
        {
            return await StoreLocation.OpenAsync(location, cancellationToken);
        }
        catch (Exception e) when (e is StoreBusyException or StoreVersionException or Core.Storage.UnreadableStoreException or ArgumentException)
        {
            await Console.Error.WriteLineAsync("gradelens: " + e.Message);
            return null;
        }
    }
}
