using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace GradeLens.Core.Storage.DuckDb;

/// <summary>
/// Caps the memory of an import's own staging DuckDB (an in-memory instance per import, Import/StoreImport.cs), so a
/// million-student file does not take gigabytes: it spills what does not fit to the import's folder. There the cap is
/// that instance's alone and ends with it. Two imports stage in the store's own instance instead, which readers share,
/// and restore it when they end (<see cref="RestoreAsync"/>): the command line's (it owns the store) and the quality
/// tables' import (with a cap of its own, Quality/Import/QualityStoreImport.cs). GRADELENS_IMPORT_MEMORY sets the cap
/// ("300MB" by default, "off" for DuckDB's own, 80% of RAM).
/// </summary>
internal static partial class ImportMemoryLimit
{
    public const string Default = "300MB";

    public const string Variable = "GRADELENS_IMPORT_MEMORY";

    /// <summary>The cap to apply, or null to leave DuckDB's; a value DuckDB would not read is refused with its name.</summary>
    public static string? Configured() => Parse(Environment.GetEnvironmentVariable(Variable));

    internal static string? Parse(string? setting)
    {
        var value = setting?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return Default;
        }

        if (value.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Size().IsMatch(value)
            ? value.Replace(" ", "", StringComparison.Ordinal)
            : throw new ArgumentException($"{Variable} is '{value}': write a size such as 300MB or 2GB, or 'off'.");
    }

    /// <summary>Applies the cap; true when it did (nothing changes with "off").</summary>
    public static async Task<bool> ApplyAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        if (Configured() is not { } limit)
        {
            return false;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SET memory_limit = '{limit}'";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>Back to DuckDB's own limit: the store sets none but this one (and DuckDB states a limit rounded, so it cannot be set back as read).</summary>
    public static async Task RestoreAsync(DuckDBConnection connection, bool applied)
    {
        if (!applied)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "RESET memory_limit";
        await command.ExecuteNonQueryAsync(CancellationToken.None);
        await ReleaseSpillAsync(connection);
    }

    /// <summary>
    /// Under a cap the store's own instance evicts its blocks not yet checkpointed (the import's writes and earlier ones in
    /// the write-ahead log) to its spill file beside the store, where pupil data would stay until the store closes (DuckDB
    /// frees a dropped table's spill at once, not these): a checkpoint writes them into the store's file and frees the
    /// spill. Where another transaction prevents it, the spill goes at the next checkpoint or when the store closes.
    /// </summary>
    private static async Task ReleaseSpillAsync(DuckDBConnection connection)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "CHECKPOINT";
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (DuckDBException)
        {
            // Not a failure of the import, which is committed (or refused) already.
        }
    }

    [GeneratedRegex(@"^\d+(\.\d+)?\s?(B|KB|KiB|MB|MiB|GB|GiB|TB|TiB)$", RegexOptions.IgnoreCase)]
    private static partial Regex Size();
}
