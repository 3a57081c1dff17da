namespace GradeLens.Core.Accounts;

/// <summary>
/// The store's accounts: users, their password hashes, API keys, the audit log and each organisation's pseudonym key.
/// Passwords and keys reach it already hashed (<see cref="AccountService"/> does the hashing and the rules).
/// </summary>
public interface IAccountStore
{
    Task<IReadOnlyList<UserAccount>> ListUsersAsync(CancellationToken cancellationToken = default);

    /// <summary>The user and their password hash; null when there is no such user.</summary>
    Task<(UserAccount User, string PasswordHash)?> FindUserAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Adds a user; false (and nothing changed) when the name is taken.</summary>
    Task<bool> AddUserAsync(NewUser user, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>Removes a user, their scopes and API keys; false when there was no such user.</summary>
    Task<bool> RemoveUserAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Sets a new password hash and clears failures and lock-out; false when there is no such user.</summary>
    Task<bool> SetPasswordHashAsync(string name, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>Records the outcome of a sign-in: failures counted (and a lock-out time set), or reset on success.</summary>
    Task RecordSignInAsync(string name, int failedAttempts, DateTime? lockedUntil, CancellationToken cancellationToken = default);

    Task AddApiKeyAsync(string name, string keyHash, string label, CancellationToken cancellationToken = default);

    /// <summary>The user owning an API key (by the key's hash); null when no key matches.</summary>
    Task<string?> FindApiKeyUserAsync(string keyHash, CancellationToken cancellationToken = default);

    Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The latest <paramref name="limit"/> audit entries, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>The organisation's pseudonym secret, created (randomly, once) on first use.</summary>
    Task<byte[]> PseudonymSecretAsync(string organisation, CancellationToken cancellationToken = default);
}
