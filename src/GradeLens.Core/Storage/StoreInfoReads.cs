namespace GradeLens.Core.Storage;

/// <summary>What a store holds: counts per table and the cohort's shape, within a scope (SQL: <see cref="StoreInfoQuery"/>).</summary>
public static class StoreInfoReads
{
    /// <summary>Counted now (never a kept answer): what <c>gradelens info</c> and the tests of a write compare.</summary>
    public static Task<StoreInfo> GetInfoAsync(this IGradeStore store, Scope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.ReadAsync((c, sql, t) => StoreInfoQuery.RunAsync(c, sql, store.Location, scope, t), cancellationToken);
    }

    /// <summary>The same counts kept per data version, for pages: at a million students its twenty counts take seconds on PostgreSQL.</summary>
    public static Task<StoreInfo> GetKeptInfoAsync(this IGradeStore store, Scope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.AnswerAsync(AnswerKey.For("store.info", scope), (c, sql, t) => StoreInfoQuery.RunAsync(c, sql, store.Location, scope, t), cancellationToken);
    }
}
