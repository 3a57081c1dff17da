using System.Security.Cryptography;
using System.Text.RegularExpressions;
using GradeLens.Core.Storage;
using Microsoft.AspNetCore.Identity;

namespace GradeLens.Core.Accounts;

/// <summary>
/// The rules around accounts: passwords hashed with ASP.NET Core Identity's hasher (PBKDF2-HMAC-SHA512, salted), a user's
/// details checked, and everything that ends a user's access everywhere (a new password, a lock, a new role or reach,
/// signing out everywhere). Sign-in and sessions: AccountService.SignIn.cs; API keys: AccountService.Keys.cs. Every time
/// comes from the clock it is given.
/// </summary>
public sealed partial class AccountService
{
    public const int MinimumPasswordLength = 10;

    /// <summary>When an admin's lock ends: never, until a new password is set.</summary>
    public static DateTime LockedIndefinitely { get; } = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    private static readonly PasswordHasher<Hashed> Hasher = new();

    private readonly IAccountStore _store;
    private readonly TimeProvider _clock;

    public AccountService(IAccountStore store, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _clock = clock ?? TimeProvider.System;
    }

    public IAccountStore Store => _store;

    /// <summary>Now, in UTC, from the clock.</summary>
    public DateTime Now => _clock.GetUtcNow().UtcDateTime;

    public static string HashPassword(string password) => Hasher.HashPassword(Hashed.Instance, password);

    /// <summary>A random password for a first admin or a reset: 20 characters from an unambiguous alphabet.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }

    /// <summary>Why a password is refused, or null when it is acceptable.</summary>
    public static string? PasswordProblem(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength
            ? $"A password needs at least {MinimumPasswordLength} characters."
            : null;

    /// <summary>Why a new user's details (or a user's new role and reach) are refused, or null when they are acceptable.</summary>
    public static string? UserProblem(NewUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!UserName().IsMatch(user.Name))
        {
            return "A user name is 1 to 64 letters, digits, dots, dashes, underscores or @.";
        }

        if (user.Role != Role.Admin && string.IsNullOrWhiteSpace(user.Organisation))
        {
            return $"A {user.Role.Name()} needs an organisation (--organisation).";
        }

        if (user.Classes.FirstOrDefault(c => c.School is null || c.Class.Length == 0) is { } unnamed)
        {
            return $"A class is named with its school, as SCHOOL{ClassScope.Separator}CLASS (for example \"North School{ClassScope.Separator}10A\"): \"{unnamed.Class}\" " +
                   (unnamed.School is null ? "names no school." : "names no class.");
        }

        return user.Role == Role.Teacher && user.Schools.Count == 0 && user.Classes.Count == 0
            ? "A teacher needs at least one school, or a class of a school: a teacher sees only those students."
            : null;
    }

    /// <summary>Adds a user with a hashed password; the message says why not when it was refused.</summary>
    public async Task<string?> AddUserAsync(NewUser user, string password, CancellationToken cancellationToken = default)
    {
        if ((UserProblem(user) ?? PasswordProblem(password)) is { } problem)
        {
            return problem;
        }

        return await _store.AddUserAsync(user, HashPassword(password), NewStamp(), Now, cancellationToken) ? null : $"There is already a user called {user.Name}.";
    }

    /// <summary>Gives a user a new role, organisation, schools and classes; every session of theirs ends (their keys act with the new reach).</summary>
    public async Task<string?> ChangeUserAsync(NewUser user, CancellationToken cancellationToken = default)
    {
        if (UserProblem(user) is { } problem)
        {
            return problem;
        }

        return await _store.ChangeUserAsync(user, NewStamp(), cancellationToken) ? null : $"There is no user called {user.Name}.";
    }

    /// <summary>A new password (a reset or a change): it unlocks the user, and every session and API key of theirs ends.</summary>
    public async Task<string?> SetPasswordAsync(string name, string password, CancellationToken cancellationToken = default)
    {
        if (PasswordProblem(password) is { } problem)
        {
            return problem;
        }

        return await _store.SetPasswordHashAsync(name, HashPassword(password), Ending("password set"), cancellationToken) is null
            ? $"There is no user called {name}."
            : null;
    }

    /// <summary>An admin's lock: no sign-in until a new password is set; every session and API key ends now. Null when there is no such user.</summary>
    public Task<AccessEnded?> LockAsync(string name, CancellationToken cancellationToken = default) =>
        _store.EndAccessAsync(name, Ending("account locked"), LockedIndefinitely, cancellationToken);

    /// <summary>Ends every session and API key of the user (they sign in again; their scripts need new keys). Null when there is no such user.</summary>
    public Task<AccessEnded?> SignOutEverywhereAsync(string name, CancellationToken cancellationToken = default) =>
        _store.EndAccessAsync(name, Ending("signed out everywhere"), null, cancellationToken);

    /// <summary>A new random security stamp: 128 bits as hex.</summary>
    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private AccessEnding Ending(string reason) => new(NewStamp(), Now, reason);

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex UserName();

    /// <summary>The hasher's user type: the hash does not depend on the user.</summary>
    private sealed class Hashed
    {
        public static readonly Hashed Instance = new();
    }
}
