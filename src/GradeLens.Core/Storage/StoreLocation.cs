using GradeLens.Core.Storage.DuckDb;
using GradeLens.Core.Storage.Postgres;

namespace GradeLens.Core.Storage;

/// <summary>Where the store is: <c>--store</c>, else GRADELENS_STORE, else ./gradelens.duckdb. A postgres:// URL names a PostgreSQL store.</summary>
public static class StoreLocation
{
    public const string EnvironmentVariable = "GRADELENS_STORE";
    public const string DefaultPath = "gradelens.duckdb";

    public static string Resolve(string? option) =>
        !string.IsNullOrWhiteSpace(option) ? option
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : DefaultPath;

    /// <summary>Opens the store at a resolved location: a postgres:// or postgresql:// URL, else a DuckDB file path.</summary>
    public static async Task<IGradeStore> OpenAsync(string location, CancellationToken cancellationToken = default) =>
        PostgresUrl.IsPostgres(location)
            ? await PostgresStore.OpenAsync(location, cancellationToken)
            : await DuckDbStore.OpenAsync(location, cancellationToken);
}
