using System.Data.Common;

namespace GradeLens.Core.Accounts;

/// <summary>
/// Wrong passwords, counted per account AND address (sign_in_failures: the lock-out is per pair) and per account across
/// every address (users.failed_attempts and last_failed_at: many addresses failing slow the account down).
/// </summary>
public sealed class SignInRows
{
    private readonly AccountSql _sql;

    internal SignInRows(AccountSql sql) => _sql = sql;

    /// <summary>The failures of this account from this address; null when there are none.</summary>
    public async Task<AddressFailures?> FindAsync(string user, string address, CancellationToken cancellationToken = default) =>
        (await _sql.ReadAsync(
            "SELECT max(failed_attempts), max(locked_until) FROM sign_in_failures WHERE user_name = $user AND remote_address = $from HAVING count(*) > 0",
            reader => new AddressFailures(reader.GetInt32(0), AccountSql.NullableTime(reader, 1)), cancellationToken, ("user", user), ("from", address)))
        .FirstOrDefault();

    /// <summary>Records a wrong password: the pair's new count (and lock), the account's count and time, in one transaction.</summary>
    public Task RecordFailureAsync(string user, string address, AddressFailures pair, DateTime at, CancellationToken cancellationToken = default) =>
        _sql.WriteAsync(async connection =>
        {
            ArgumentNullException.ThrowIfNull(pair);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await DeletePairAsync(connection, user, address, cancellationToken);
            await _sql.RunAsync(connection, "INSERT INTO sign_in_failures VALUES ($user, $from, $failures, $until)", cancellationToken,
                ("user", user), ("from", address), ("failures", pair.FailedAttempts), ("until", pair.LockedUntil));
            await _sql.RunAsync(connection, "UPDATE users SET failed_attempts = failed_attempts + 1, last_failed_at = $at WHERE user_name = $user", cancellationToken,
                ("user", user), ("at", at));
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>A successful sign-in forgets the pair's failures and the account's.</summary>
    public Task RecordSuccessAsync(string user, string address, CancellationToken cancellationToken = default) =>
        _sql.WriteAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await DeletePairAsync(connection, user, address, cancellationToken);
            await _sql.RunAsync(connection, "UPDATE users SET failed_attempts = 0, last_failed_at = NULL WHERE user_name = $user", cancellationToken, ("user", user));
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Forgets every failure of a user (a new password), on the caller's connection.</summary>
    internal Task<int> ForgetAllAsync(DbConnection connection, string user, CancellationToken cancellationToken) =>
        _sql.RunAsync(connection, "DELETE FROM sign_in_failures WHERE user_name = $user", cancellationToken, ("user", user));

    private Task<int> DeletePairAsync(DbConnection connection, string user, string address, CancellationToken cancellationToken) =>
        _sql.RunAsync(connection, "DELETE FROM sign_in_failures WHERE user_name = $user AND remote_address = $from", cancellationToken, ("user", user), ("from", address));
}
