using DuckDB.NET.Data;
using GradeLens.Core.Import.Writing;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.DuckDb;
using GradeLens.Core.Storage.Postgres;

namespace GradeLens.Core.Import;

/// <summary>
/// Imports files into a store, all-or-nothing (unless <see cref="ImportRequest.SkipBadRows"/>), reporting every rejected
/// row: one pipeline (<see cref="ImportPipeline"/>) that stages and validates in a throwaway in-memory DuckDB of the
/// import's own (under its memory cap, spilling to the import's folder in the store's folder), then the store's writer
/// in one transaction: a DuckDB store takes the write sets through Parquet files, PostgreSQL by binary COPY.
/// </summary>
public static class StoreImport
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IGradeStore, SemaphoreSlim> _turns = [];

    /// <summary>Imports and undos of one store in this process take turns (PostgreSQL servers also take turns among themselves, by lock).</summary>
    internal static async Task<IDisposable> TakeTurnAsync(IGradeStore store, CancellationToken cancellationToken)
    {
        var turn = _turns.GetValue(store, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    private sealed class Turn(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }

    public static async Task<ImportReport> ImportAsync(this IGradeStore store, ImportRequest request, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var turn = await TakeTurnAsync(store, cancellationToken);
        // The import's own folder (spilled staging, transfer files) is in the store's folder, swept when it ends.
        using var spool = ImportSpool.Create(store);
        if (store is DuckDbStore exclusive && request.Exclusive)
        {
            await using var connection = await exclusive.OpenConnectionAsync(cancellationToken);
            var capped = await ImportMemoryLimit.ApplyAsync(connection, cancellationToken);
            try
            {
                await using var writer = new DuckDbImportWriter(connection, connection, spool.Path);
                return await new ImportPipeline(connection, writer, request, progress, spool.Path).RunAsync(cancellationToken);
            }
            finally
            {
                await ImportMemoryLimit.RestoreAsync(connection, capped);
            }
        }

        await using var staging = await OpenStagingAsync(spool, cancellationToken);
        switch (store)
        {
            case DuckDbStore duck:
            {
                await using var connection = await duck.OpenConnectionAsync(cancellationToken);
                await using var writer = new DuckDbImportWriter(staging, connection, spool.Path);
                return await new ImportPipeline(staging, writer, request, progress, spool.Path).RunAsync(cancellationToken);
            }

            case PostgresStore postgres:
            {
                await using var writer = new PostgresImportWriter(staging, postgres.DataSource);
                return await new ImportPipeline(staging, writer, request, progress, spool.Path).RunAsync(cancellationToken);
            }

            default:
                throw new ArgumentException($"{store?.GetType().Name ?? "null"} is not a store imports can write to.", nameof(store));
        }
    }

    /// <summary>
    /// The import's own in-memory DuckDB: its memory cap (GRADELENS_IMPORT_MEMORY) is this instance's alone, so readers of
    /// the store never share it, and it spills to the import's folder.
    /// </summary>
    private static async Task<DuckDBConnection> OpenStagingAsync(ImportSpool spool, CancellationToken cancellationToken)
    {
        var staging = new DuckDBConnection("Data Source=:memory:");
        await staging.OpenAsync(cancellationToken);
        var spill = Directory.CreateDirectory(Path.Combine(spool.Path, "spill")).FullName;
        await DuckDbStore.ExecuteAsync(staging, $"SET temp_directory = '{spill.Replace("'", "''", StringComparison.Ordinal)}'", cancellationToken);
        await ImportMemoryLimit.ApplyAsync(staging, cancellationToken);
        return staging;
    }
}
