using System.Data.Common;

namespace GradeLens.Core.Storage;

/// <summary>
/// How a feature reads the store: a query function over a connection and the store's dialect, run once
/// (<see cref="ReadAsync{T}"/>) or kept per data version under an <see cref="AnswerKey"/> (<see cref="AnswerAsync{T}"/>).
/// One mechanism for both stores.
/// </summary>
public static class StoreReads
{
    /// <summary>Runs <paramref name="query"/> on a connection of its own.</summary>
    public static async Task<T> ReadAsync<T>(this IGradeStore store, Func<DbConnection, StoreSqlDialect, CancellationToken, Task<T>> query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        return await query(connection, store.Sql, cancellationToken);
    }

    /// <summary>The answer kept under <paramref name="key"/> at the store's data version, or the one <paramref name="query"/> gives (then kept).</summary>
    public static Task<T> AnswerAsync<T>(this IGradeStore store, AnswerKey key, Func<DbConnection, StoreSqlDialect, CancellationToken, Task<T>> query, CancellationToken cancellationToken = default)
        where T : class =>
        store.RememberAsync(key, token => store.ReadAsync(query, token), cancellationToken);

    /// <summary>
    /// An answer computed from the store's data (a fitted clustering, a derived table built), kept under
    /// <paramref name="key"/> until the data changes. For answers of a modest size.
    /// </summary>
    public static async Task<T> RememberAsync<T>(this IGradeStore store, AnswerKey key, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(store);
        var version = await store.GetDataVersionAsync(cancellationToken);
        return await store.Answers.GetOrAddAsync(version, key, compute, cancellationToken);
    }
}
