using GradeLens.Core.Storage.DuckDb;

namespace GradeLens.Core.Storage;

/// <summary>Where the store is: <c>--store</c>, else GRADELENS_STORE, else ./gradelens.duckdb.</summary>
public static class StoreLocation
{
    public const string EnvironmentVariable = "GRADELENS_STORE";
    public const string DefaultPath = "gradelens.duckdb";

    public static string Resolve(string? option) =>
        !string.IsNullOrWhiteSpace(option) ? option
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : DefaultPath;

    /// <summary>Opens the store at a resolved location.</summary>
    /// <exception cref="NotSupportedException">A PostgreSQL URL (not supported yet).</exception>
    public static async Task<IGradeStore> OpenAsync(string location, CancellationToken cancellationToken = default)
    {
        if (location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException("PostgreSQL stores are not available in this version yet; use a DuckDB file path for --store.");
        }

        return await DuckDbStore.OpenAsync(location, cancellationToken);
    }
}
