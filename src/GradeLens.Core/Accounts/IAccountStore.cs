namespace GradeLens.Core.Accounts;

/// <summary>
/// The store's accounts: users, their password hashes, sessions, API keys, sign-in failures, the audit log and each
/// organisation's pseudonym key. Passwords and keys reach it already hashed, times already taken from the clock
/// (<see cref="AccountService"/> does the hashing, the rules and the timing).
/// </summary>
public interface IAccountStore
{
    /// <summary>API keys: issue, find by hash, list, revoke one, note a use.</summary>
    ApiKeyRows Keys { get; }

    /// <summary>Browser sessions: one row per sign-in, deleted at sign-out.</summary>
    SessionRows Sessions { get; }

    /// <summary>Wrong passwords per account and address.</summary>
    SignInRows SignIns { get; }

    Task<IReadOnlyList<UserAccount>> ListUsersAsync(CancellationToken cancellationToken = default);

    /// <summary>The user and their password hash; null when there is no such user.</summary>
    Task<(UserAccount User, string PasswordHash)?> FindUserAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Adds a user; false (and nothing changed) when the name is taken.</summary>
    Task<bool> AddUserAsync(NewUser user, string passwordHash, string securityStamp, DateTime createdAt, CancellationToken cancellationToken = default);

    /// <summary>Gives a user a new role, organisation, schools and classes and a new stamp, ending their sessions; false when there is no such user.</summary>
    Task<bool> ChangeUserAsync(NewUser user, string securityStamp, CancellationToken cancellationToken = default);

    /// <summary>Removes a user, their scopes, sessions, sign-in failures and API keys; false when there was no such user.</summary>
    Task<bool> RemoveUserAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets a new password hash, clears failures and any lock, and ends the user's access everywhere (new stamp, sessions
    /// ended, keys revoked); null when there is no such user.
    /// </summary>
    Task<AccessEnded?> SetPasswordHashAsync(string name, string passwordHash, AccessEnding ending, CancellationToken cancellationToken = default);

    /// <summary>The same password, hashed again with stronger settings: nothing else changes.</summary>
    Task RehashPasswordAsync(string name, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends the user's access everywhere (new stamp, sessions ended, keys revoked) and, with <paramref name="lockedUntil"/>,
    /// locks the account until then; null when there is no such user.
    /// </summary>
    Task<AccessEnded?> EndAccessAsync(string name, AccessEnding ending, DateTime? lockedUntil, CancellationToken cancellationToken = default);

    Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The latest <paramref name="limit"/> audit entries, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>The organisation's pseudonym secret, created (randomly, once) on first use.</summary>
    Task<byte[]> PseudonymSecretAsync(string organisation, CancellationToken cancellationToken = default);
}
