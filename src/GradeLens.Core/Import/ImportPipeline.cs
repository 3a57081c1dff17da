using DuckDB.NET.Data;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Import;

/// <summary>file -> read -> map -> stage and validate (SQL) -> write in one transaction.</summary>
internal sealed class ImportPipeline(DuckDBConnection connection, ImportRequest request, IProgress<ImportProgress>? progress)
{
    public Task<ImportReport> RunAsync(CancellationToken cancellationToken)
    {
        _ = connection;
        _ = request;
        _ = progress;
        _ = cancellationToken;
        throw new NotImplementedException("Import is being built.");
    }
}
