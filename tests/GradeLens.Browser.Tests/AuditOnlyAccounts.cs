using GradeLens.Core.Accounts;

namespace GradeLens.Browser.Tests;

/// <summary>Accounts for a stand-in store: no users (the page is signed in automatically), an audit log kept in memory.</summary>
public sealed class AuditOnlyAccounts : IAccountStore
{
    private readonly List<AuditEntry> _audit = [];

    public Task<IReadOnlyList<UserAccount>> ListUsersAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<UserAccount>>([]);

    public Task<(UserAccount User, string PasswordHash)?> FindUserAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult<(UserAccount, string)?>(null);

    public Task<bool> AddUserAsync(NewUser user, string passwordHash, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task<bool> RemoveUserAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task<bool> SetPasswordHashAsync(string name, string passwordHash, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task RecordSignInAsync(string name, int failedAttempts, DateTime? lockedUntil, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task AddApiKeyAsync(string name, string keyHash, string label, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<string?> FindApiKeyUserAsync(string keyHash, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);

    public Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_audit)
        {
            _audit.Add(entry);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(int limit, CancellationToken cancellationToken = default)
    {
        lock (_audit)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>(_audit.AsEnumerable().Reverse().Take(limit).ToList());
        }
    }

    public Task<byte[]> PseudonymSecretAsync(string organisation, CancellationToken cancellationToken = default) => Task.FromResult(new byte[32]);
}
