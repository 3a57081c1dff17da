using DuckDB.NET.Data;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.DuckDb;

namespace GradeLens.Core.Quality.Import;

/// <summary>
/// Imports a university's own tables into a store for one organisation, all or nothing (<see cref="QualityImport"/>): a
/// DuckDB store stages in its own database under the import's memory cap; a PostgreSQL store stages in a throwaway
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

        var capped = await ImportMemoryLimit.ApplyAsync(duck, cancellationToken);
        try
        {
            return await QualityImport.ImportAsync(request, duck, store.Sql, cancellationToken);
        }
        finally
        {
            await ImportMemoryLimit.RestoreAsync(duck, capped);
        }
    }
}
