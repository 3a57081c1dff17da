namespace GradeLens.Core.Accounts;

/// <summary>An API key as it is listed: never the key itself (shown once when issued) nor its hash.</summary>
/// <param name="Id">The key's public name: the first 12 hex digits of its SHA-256, printed when it is issued.</param>
/// <param name="LastUsedAt">The latest request it authenticated, to the minute; null when never used.</param>
/// <param name="RevokedReason">Who or what revoked it: "revoked by ann", "password set", "account locked", "signed out everywhere".</param>
public sealed record ApiKey(
    string Id,
    string User,
    string Label,
    DateTime CreatedAt,
    DateTime ExpiresAt,
    DateTime? LastUsedAt,
    DateTime? RevokedAt,
    string? RevokedReason)
{
    /// <summary>Whether the key authenticates at <paramref name="now"/> (UTC).</summary>
    public ApiKeyState StateAt(DateTime now) =>
        RevokedAt is not null ? ApiKeyState.Revoked : ExpiresAt <= now ? ApiKeyState.Expired : ApiKeyState.Active;
}

public enum ApiKeyState
{
    Active,
    Expired,
    Revoked,
}

/// <summary>A key just issued: what is kept, and the key itself, shown to its owner once.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);

/// <summary>A signed-in browser session: its cookie names <paramref name="Id"/>; signing out deletes it.</summary>
public sealed record UserSession(string Id, string User, DateTime CreatedAt, DateTime LastSeenAt, string RemoteAddress);

/// <summary>Wrong passwords for one account from one address, and until when that address is locked out of it.</summary>
public sealed record AddressFailures(int FailedAttempts, DateTime? LockedUntil);

/// <summary>
/// What ends a user's access everywhere: a new security stamp (so every cookie signed before is refused), every session
/// deleted and every key revoked, with the reason the keys list shows.
/// </summary>
public sealed record AccessEnding(string SecurityStamp, DateTime At, string Reason);

/// <summary>How much an <see cref="AccessEnding"/> ended.</summary>
public sealed record AccessEnded(int Sessions, int Keys)
{
    public override string ToString() => $"{Sessions} session{(Sessions == 1 ? "" : "s")} ended, {Keys} API key{(Keys == 1 ? "" : "s")} revoked";
}
