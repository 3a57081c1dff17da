using DuckDB.NET.Data;
using GradeLens.Core.Import.Staging;

namespace GradeLens.Core.Import.Writing;

/// <summary>
/// Moves staged views from the import's own DuckDB instance into temp tables of the same names in the store's connection,
/// through Parquet files in the import's folder: the staging instance has its own memory cap, so the store's — which its
/// readers share — is never lowered for an import.
/// </summary>
internal static class StagedTransfer
{
    public static async Task CopyAsync(DuckDBConnection staging, DuckDBConnection store, string folder, IEnumerable<string> views, CancellationToken cancellationToken)
    {
        foreach (var view in views)
        {
            var file = Sql.Text(Path.Combine(folder, view + ".parquet"));
            await PreparedTable.ExecuteAsync(staging, $"COPY (SELECT * FROM {view}) TO {file} (FORMAT parquet, COMPRESSION uncompressed)", cancellationToken);
            await PreparedTable.ExecuteAsync(store, $"CREATE OR REPLACE TEMP TABLE {view} AS SELECT * FROM read_parquet({file})", cancellationToken);
            File.Delete(Path.Combine(folder, view + ".parquet"));
        }
    }
}
