using DuckDB.NET.Data;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.DuckDb;

namespace GradeLens.Core.Quality.Import;

/// <summary>
/// Imports a university's own tables into a store for one organisation, all or nothing (<see cref="QualityImport"/>): a
/// DuckDB store stages in its own database under the quality import's memory limit (<see cref="DefaultMemoryLimit"/>); a PostgreSQL store stages in a throwaway
/// in-memory DuckDB, then writes in one transaction. The API's upload and the CLI's <c>quality import</c> both call this.
/// </summary>
public static class QualityStoreImport
{
    /// <param name="paths">CSV/TSV/XLSX files (a workbook: a sheet per table) or folders of them.</param>
    /// <param name="dryRun">Check everything, write nothing.</param>
    /// <param name="dateOrder">Forces d/m/y or m/d/y; null: detected from the values (and said when ambiguous).</param>
    public static Task<QualityImportReport> ImportQualityAsync(
        this IGradeStore store, IReadOnlyList<string> paths, string organisation, bool dryRun = false, DateOrder? dateOrder = null,
        CancellationToken cancellationToken = default) =>
        store.ImportQualityAsync(new QualityImportRequest(paths, organisation, dryRun, dateOrder), cancellationToken);

    public static async Task<QualityImportReport> ImportQualityAsync(this IGradeStore store, QualityImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Organisation);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        if (connection is not DuckDBConnection duck)
        {
            return await QualityImport.ImportAsync(request, connection, store.Sql, cancellationToken);
        }

        var capped = await ApplyMemoryLimitAsync(duck, cancellationToken);
        try
        {
            return await QualityImport.ImportAsync(request, duck, store.Sql, cancellationToken);
        }
        finally
        {
            await ImportMemoryLimit.RestoreAsync(duck, capped);
        }
    }

    /// <summary>
    /// The memory limit of a quality import on a DuckDB store: <see cref="ImportMemoryLimit"/>'s setting when
    /// GRADELENS_IMPORT_MEMORY is set, else <see cref="DefaultMemoryLimit"/>. Not the results import's 300 MB default, for
    /// two reasons. That cap is for an import's own staging instance; this import stages in the store's instance (so its
    /// rows reach the store by INSERT ... SELECT), where DuckDB's limit is the whole instance's, readers included: 300 MB
    /// would squeeze the server's readers in with the import, the opposite of what the cap is for. And a university's
    /// grades are large: 200,000 students are 11 million grades, staged as text and then typed (the process reached
    /// 2.3 GB resident at that size, measured 2026-12-02); under 300 MB nearly all of it spilled to disk. 2 GB holds most
    /// of it while staying well under DuckDB's own default (80% of RAM); what does not fit still spills, so the import
    /// never fails for want of memory.
    /// </summary>
    private static async Task<bool> ApplyMemoryLimitAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var setting = Environment.GetEnvironmentVariable(ImportMemoryLimit.Variable);
        var limit = string.IsNullOrWhiteSpace(setting) ? DefaultMemoryLimit : ImportMemoryLimit.Parse(setting);
        if (limit is null)
        {
            return false;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SET memory_limit = '{limit}'";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>The quality import's memory limit when GRADELENS_IMPORT_MEMORY is not set (see <see cref="ApplyMemoryLimitAsync"/>).</summary>
    public const string DefaultMemoryLimit = "2GB";
}
