using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Accounts;

/// <summary>
/// How the accounts tables are reached: a connection of their own per call, SQL written once with $name markers that the
/// store's <see cref="StoreSqlDialect"/> spells, values always parameters.
/// </summary>
internal sealed class AccountSql(Func<CancellationToken, Task<DbConnection>> open, StoreSqlDialect dialect)
{
    /// <summary>
    /// One write to the accounts tables at a time in this process: DuckDB refuses two transactions that update the same row
    /// at once (two wrong passwords for one user, a key used by two requests), and these come from concurrent requests.
    /// Static: a test process holds many stores, and writes to accounts are rare and small.
    /// </summary>
    private static readonly SemaphoreSlim Writes = new(1, 1);

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => open(cancellationToken);

    public DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = dialect.Parameters(sql);
        foreach (var (name, value) in parameters)
        {
            dialect.Parameter(command, name, value);
        }

        return command;
    }

    public async Task<int> RunAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One statement as a write of its own (<see cref="WriteAsync"/>); the rows it changed.</summary>
    public Task<int> WriteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        WriteAsync(connection => RunAsync(connection, sql, cancellationToken, parameters), cancellationToken);

    public async Task<long> CountAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Every row of a query, each read by <paramref name="read"/>.</summary>
    public async Task<List<T>> ReadAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Runs a write (usually one transaction) on a connection of its own, after any other write has finished.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await Writes.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await open(cancellationToken);
            return await write(connection);
        }
        finally
        {
            Writes.Release();
        }
    }

    public static DateTime? NullableTime(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDateTime(ordinal);

    public static string? NullableText(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
