using System.Security.Cryptography;
using System.Text;

namespace GradeLens.Core.Accounts;

/// <summary>
/// API keys: random, shown once, kept only as a SHA-256; each with a label, an expiry (<see cref="DefaultKeyLifetimeDays"/>
/// unless told), its last use, and revocation one by one. A new password, an admin's lock or signing out everywhere revokes
/// every key of the user; a removed user's keys go with them.
/// </summary>
public sealed partial class AccountService
{
    public const int DefaultKeyLifetimeDays = 90;

    public const int MaxKeyLifetimeDays = 3650;

    /// <summary>Hex digits of a key's SHA-256 that name it in lists and revocations.</summary>
    public const int KeyIdLength = 12;

    /// <summary>Why a key lifetime is refused, or null when it is acceptable.</summary>
    public static string? KeyLifetimeProblem(int days) =>
        days is < 1 or > MaxKeyLifetimeDays ? $"An API key lasts 1 to {MaxKeyLifetimeDays} days (--expires-in DAYS)." : null;

    /// <summary>A new key for the user lasting <see cref="DefaultKeyLifetimeDays"/>; the key itself (shown once), or null when there is no such user.</summary>
    public async Task<string?> IssueApiKeyAsync(string name, string label, CancellationToken cancellationToken = default) =>
        (await IssueKeyAsync(name, label, DefaultKeyLifetimeDays, cancellationToken))?.Secret;

    /// <summary>A new key for the user lasting <paramref name="days"/> (see <see cref="KeyLifetimeProblem"/>); null when there is no such user.</summary>
    public async Task<IssuedApiKey?> IssueKeyAsync(string name, string label, int days, CancellationToken cancellationToken = default)
    {
        if (KeyLifetimeProblem(days) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, problem);
        }

        if (await _store.FindUserAsync(name, cancellationToken) is null)
        {
            return null;
        }

        var secret = "glk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var hash = KeyHash(secret);
        var now = Now;
        var key = new ApiKey(hash[..KeyIdLength], name, label, now, now.AddDays(days), null, null, null);
        await _store.Keys.AddAsync(key, hash, cancellationToken);
        return new IssuedApiKey(key, secret);
    }

    /// <summary>
    /// The account an API key acts as, read again now; null for an unknown, expired or revoked key, a removed user or a
    /// locked account. A use is noted (to the minute).
    /// </summary>
    public async Task<UserAccount?> AuthenticateApiKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var now = Now;
        if (await _store.Keys.FindAsync(KeyHash(key), cancellationToken) is not { } found || found.StateAt(now) != ApiKeyState.Active)
        {
            return null;
        }

        if (await _store.FindUserAsync(found.User, cancellationToken) is not { User: var user } || user.IsLockedAt(now))
        {
            return null;
        }

        await _store.Keys.TouchAsync(found, now, cancellationToken);
        return user;
    }

    /// <summary>Revokes one of the user's keys by its id; false when they have no active key of that id.</summary>
    public Task<bool> RevokeApiKeyAsync(string name, string keyId, string revokedBy, CancellationToken cancellationToken = default) =>
        _store.Keys.RevokeAsync(name, keyId.Trim().ToLowerInvariant(), Now, $"revoked by {revokedBy}", cancellationToken);

    private static string KeyHash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
