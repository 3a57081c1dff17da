using System.Data.Common;

namespace GradeLens.Core.Storage;

/// <summary>
/// The store: an embedded DuckDB file by default and PostgreSQL for shared deployments. It offers what storing is
/// about — connections, the SQL dialect, the data version and the answers kept for it, the accounts — and nothing of
/// any page: each feature's reads live in its own folder (Tracking/TrackingReads.cs...) as SQL written once for both
/// stores through <see cref="Sql"/>, applying the caller's <see cref="Scope"/> in the SQL (<see cref="ScopeSql"/>).
/// </summary>
public interface IGradeStore : IAsyncDisposable
{
    /// <summary>Where the store is, for messages ("./gradelens.duckdb", or a postgres:// URL without its password).</summary>
    string Location { get; }

    /// <summary>Users, API keys, the audit log and pseudonym keys, kept in the same store as the data they protect.</summary>
    Accounts.IAccountStore Accounts { get; }

    /// <summary>How this store spells what differs in SQL (parameter markers, a few functions).</summary>
    StoreSqlDialect Sql { get; }

    /// <summary>Answers computed from this store's data, kept while its data version stands (<see cref="StoreReads"/>).</summary>
    AnswerCache Answers { get; }

    /// <summary>A connection of its own to the store, for one read or one write (the caller disposes it).</summary>
    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A text that changes whenever the store's data changes (every import, restore or quality-data write, from this
    /// process or, for PostgreSQL, any server sharing the database). Answers and fitted models are kept per version.
    /// </summary>
    Task<string> GetDataVersionAsync(CancellationToken cancellationToken = default);
}
