using GradeLens.Core.Accounts;

namespace GradeLens.Web.Admin;

/// <param name="Classes">Each class with its school, as <c>SCHOOL:CLASS</c> ("North School:10A").</param>
public sealed record UserRequest(string Name, string Role, string Password, string? Organisation = null, IReadOnlyList<string>? Schools = null, IReadOnlyList<string>? Classes = null);

/// <summary>A user's new role and reach; it replaces the old one whole.</summary>
/// <param name="Classes">Each class with its school, as <c>SCHOOL:CLASS</c>.</param>
public sealed record UserChangeRequest(string Role, string? Organisation = null, IReadOnlyList<string>? Schools = null, IReadOnlyList<string>? Classes = null);

public sealed record PasswordRequest(string Password);

/// <param name="ExpiresInDays">1 to 3650; 90 when absent.</param>
public sealed record KeyRequest(string? Label, int? ExpiresInDays = null);

/// <param name="Key">Shown once: only its SHA-256 is kept.</param>
/// <param name="Id">The key's public id, to find it in the list and revoke it.</param>
public sealed record IssuedKey(string User, string Label, string Key, string Id, DateTime ExpiresAt);

public sealed record ExportRecord(string File, string Page, int Rows);

/// <summary>A user as the Admin page lists them: never the password hash.</summary>
/// <param name="Classes">Each class with its school, as <c>SCHOOL:CLASS</c>.</param>
/// <param name="Locked">An admin's lock holds (a lock-out of one address from too many wrong passwords does not lock the user).</param>
public sealed record UserView(string Name, string Role, string? Organisation, IReadOnlyList<string> Schools, IReadOnlyList<string> Classes, bool Locked, DateTime CreatedAt)
{
    public static UserView Of(UserAccount user, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new UserView(user.Name, user.Role.Name(), user.Organisation, user.Schools, [.. user.Classes.Select(c => c.ToString())], user.IsLockedAt(now), user.CreatedAt);
    }
}

/// <summary>An API key as listed: never the key or its hash.</summary>
/// <param name="State">"active", "expired" or "revoked".</param>
public sealed record KeyView(string Id, string Label, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt, string? RevokedReason, string State)
{
    public static KeyView Of(ApiKey key, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new KeyView(key.Id, key.Label, key.CreatedAt, key.ExpiresAt, key.LastUsedAt, key.RevokedAt, key.RevokedReason, key.StateAt(now).ToString().ToLowerInvariant());
    }
}
