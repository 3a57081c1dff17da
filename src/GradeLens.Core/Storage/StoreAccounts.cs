using System.Data.Common;
using System.Security.Cryptography;
using GradeLens.Core.Accounts;

namespace GradeLens.Core.Storage;

/// <summary>
/// The accounts tables of a store (users, user_scopes, api_keys, audit_log, pseudonym_keys): the same SQL on DuckDB and
/// PostgreSQL, written with $name parameters that <see cref="StoreSqlDialect"/> spells for the store.
/// </summary>
internal sealed class StoreAccounts(Func<CancellationToken, Task<DbConnection>> open, StoreSqlDialect dialect) : IAccountStore
{
    private const string UserColumns = "u.user_name, u.role, u.organisation, u.failed_attempts, u.locked_until, u.created_at, u.password_hash";

    public async Task<IReadOnlyList<UserAccount>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await open(cancellationToken);
        var users = await ReadUsersAsync(connection, null, cancellationToken);
        return users.Select(u => u.User).ToList();
    }

    public async Task<(UserAccount User, string PasswordHash)?> FindUserAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await open(cancellationToken);
        var users = await ReadUsersAsync(connection, name, cancellationToken);
        return users.Count == 0 ? null : users[0];
    }

    public async Task<bool> AddUserAsync(NewUser user, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await CountAsync(connection, "SELECT count(*) FROM users WHERE user_name = $name", cancellationToken, ("name", user.Name)) > 0)
        {
            return false;
        }

        await RunAsync(connection, "INSERT INTO users VALUES ($name, $role, $organisation, $hash, 0, NULL, now()::TIMESTAMP)", cancellationToken,
            ("name", user.Name), ("role", user.Role.Name()), ("organisation", user.Organisation), ("hash", passwordHash));
        foreach (var (kind, values) in new[] { ("school", user.Schools), ("class", user.Classes) })
        {
            foreach (var value in values.Distinct(StringComparer.Ordinal))
            {
                await RunAsync(connection, "INSERT INTO user_scopes VALUES ($name, $kind, $value)", cancellationToken, ("name", user.Name), ("kind", kind), ("value", value));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RemoveUserAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var removed = await RunAsync(connection, "DELETE FROM users WHERE user_name = $name", cancellationToken, ("name", name));
        await RunAsync(connection, "DELETE FROM user_scopes WHERE user_name = $name", cancellationToken, ("name", name));
        await RunAsync(connection, "DELETE FROM api_keys WHERE user_name = $name", cancellationToken, ("name", name));
        await transaction.CommitAsync(cancellationToken);
        return removed > 0;
    }

    public async Task<bool> SetPasswordHashAsync(string name, string passwordHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await open(cancellationToken);
        return await RunAsync(connection, "UPDATE users SET password_hash = $hash, failed_attempts = 0, locked_until = NULL WHERE user_name = $name",
            cancellationToken, ("name", name), ("hash", passwordHash)) > 0;
    }

    public async Task RecordSignInAsync(string name, int failedAttempts, DateTime? lockedUntil, CancellationToken cancellationToken = default)
    {
        await using var connection = await open(cancellationToken);
        await RunAsync(connection, "UPDATE users SET failed_attempts = $failures, locked_until = $until WHERE user_name = $name",
            cancellationToken, ("name", name), ("failures", failedAttempts), ("until", lockedUntil));
    }

    public async Task AddApiKeyAsync(string name, string keyHash, string label, CancellationToken cancellationToken = default)
    {
        await using var connection = await open(cancellationToken);
        await RunAsync(connection, "INSERT INTO api_keys VALUES ($hash, $name, $label, now()::TIMESTAMP)", cancellationToken, ("hash", keyHash), ("name", name), ("label", label));
    }

    public async Task<string?> FindApiKeyUserAsync(string keyHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Command(connection, "SELECT user_name FROM api_keys WHERE key_hash = $hash", ("hash", keyHash));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await open(cancellationToken);
        await RunAsync(connection, "INSERT INTO audit_log VALUES ($at, $user, $action, $detail, $from)", cancellationToken,
            ("at", entry.At), ("user", entry.User), ("action", entry.Action), ("detail", entry.Detail), ("from", entry.RemoteAddress));
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Command(connection, "SELECT happened_at, user_name, action, detail, remote_address FROM audit_log ORDER BY happened_at DESC LIMIT $limit", ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(reader.GetDateTime(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return entries;
    }

    public async Task<byte[]> PseudonymSecretAsync(string organisation, CancellationToken cancellationToken = default)
    {
        await using var connection = await open(cancellationToken);
        const string find = "SELECT secret FROM pseudonym_keys WHERE organisation = $organisation";
        await using (var command = Command(connection, find, ("organisation", organisation)))
        {
            if (await command.ExecuteScalarAsync(cancellationToken) is string existing)
            {
                return Convert.FromBase64String(existing);
            }
        }

        // Insert-if-absent, then read back: two servers racing keep one secret.
        await RunAsync(connection, "INSERT INTO pseudonym_keys SELECT $organisation, $secret WHERE NOT EXISTS (SELECT 1 FROM pseudonym_keys WHERE organisation = $organisation)",
            cancellationToken, ("organisation", organisation), ("secret", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        await using var reread = Command(connection, find, ("organisation", organisation));
        return Convert.FromBase64String((string)(await reread.ExecuteScalarAsync(cancellationToken))!);
    }

    private async Task<List<(UserAccount User, string PasswordHash)>> ReadUsersAsync(DbConnection connection, string? name, CancellationToken cancellationToken)
    {
        var scopes = new Dictionary<(string, string), List<string>>();
        await using (var command = Command(connection, "SELECT user_name, kind, value FROM user_scopes WHERE CAST($name AS VARCHAR) IS NULL OR user_name = $name ORDER BY value", ("name", name)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!scopes.TryGetValue(key, out var values))
                {
                    scopes[key] = values = [];
                }

                values.Add(reader.GetString(2));
            }
        }

        var users = new List<(UserAccount, string)>();
        await using (var command = Command(connection, $"SELECT {UserColumns} FROM users u WHERE CAST($name AS VARCHAR) IS NULL OR u.user_name = $name ORDER BY u.user_name", ("name", name)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                users.Add((ReadUser(reader, scopes), reader.GetString(6)));
            }
        }

        return users;
    }

    private static UserAccount ReadUser(DbDataReader reader, Dictionary<(string, string), List<string>> scopes)
    {
        var name = reader.GetString(0);
        return new UserAccount(
            name,
            Roles.Parse(reader.GetString(1)) ?? throw new InvalidDataException($"User {name} has an unknown role '{reader.GetString(1)}'."),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            scopes.GetValueOrDefault((name, "school")) ?? [],
            scopes.GetValueOrDefault((name, "class")) ?? [],
            reader.GetInt32(3),
            reader.IsDBNull(4) ? null : reader.GetDateTime(4),
            reader.GetDateTime(5));
    }

    private DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = dialect.Parameters(sql);
        foreach (var (name, value) in parameters)
        {
            dialect.Parameter(command, name, value);
        }

        return command;
    }

    private async Task<int> RunAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<long> CountAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
