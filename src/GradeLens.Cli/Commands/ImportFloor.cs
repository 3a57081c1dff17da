using System.Diagnostics;
using DuckDB.NET.Data;

namespace GradeLens.Cli.Commands;

/// <summary>
/// The import benchmark's floor: DuckDB reading the same file into a table of a new database file, typed, with nothing
/// checked — what no validated import can beat on this machine (in the same process, after the import).
/// </summary>
internal static class ImportFloor
{
    public static async Task<double> SecondsAsync(string csv, string database, CancellationToken cancellationToken)
    {
        await using var connection = new DuckDBConnection($"Data Source={database}");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var clock = Stopwatch.StartNew();
        command.CommandText = $"CREATE TABLE plain AS SELECT * FROM read_csv('{csv.Replace("'", "''", StringComparison.Ordinal)}', header = true); CHECKPOINT";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return clock.Elapsed.TotalSeconds;
    }
}
