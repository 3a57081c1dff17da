using DuckDB.NET.Data;
using GradeLens.Core.Import.Writing;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.DuckDb;
using GradeLens.Core.Storage.Postgres;

namespace GradeLens.Core.Import;

/// <summary>
/// Imports files into a store, all-or-nothing (unless <see cref="ImportRequest.SkipBadRows"/>), reporting every rejected
/// row: one pipeline (<see cref="ImportPipeline"/>) that stages and validates in DuckDB, then the store's writer. A
/// DuckDB store stages in its own database (under the import's memory cap); a PostgreSQL store stages in a throwaway
/// in-memory DuckDB that spills to a temp folder of its own, then writes by binary COPY in one transaction.
/// </summary>
public static class StoreImport
{
    public static async Task<ImportReport> ImportAsync(this IGradeStore store, ImportRequest request, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (store)
        {
            case DuckDbStore duck:
            {
                await using var connection = await duck.OpenConnectionAsync(cancellationToken);
                var capped = await ImportMemoryLimit.ApplyAsync(connection, cancellationToken);
                try
                {
                    await using var writer = new DuckDbImportWriter(connection);
                    return await new ImportPipeline(connection, writer, request, progress).RunAsync(cancellationToken);
                }
                finally
                {
                    await ImportMemoryLimit.RestoreAsync(connection, capped);
                }
            }

            case PostgresStore postgres:
            {
                var spill = Directory.CreateTempSubdirectory("gradelens-staging-").FullName;
                try
                {
                    await using var staging = new DuckDBConnection("Data Source=:memory:");
                    await staging.OpenAsync(cancellationToken);
                    await DuckDbStore.ExecuteAsync(staging, $"SET temp_directory = '{spill.Replace("'", "''", StringComparison.Ordinal)}'", cancellationToken);
                    await ImportMemoryLimit.ApplyAsync(staging, cancellationToken);
                    await using var writer = new PostgresImportWriter(staging, postgres.DataSource);
                    return await new ImportPipeline(staging, writer, request, progress).RunAsync(cancellationToken);
                }
                finally
                {
                    Directory.Delete(spill, recursive: true);
                }
            }

            default:
                throw new ArgumentException($"{store?.GetType().Name ?? "null"} is not a store imports can write to.", nameof(store));
        }
    }
}
