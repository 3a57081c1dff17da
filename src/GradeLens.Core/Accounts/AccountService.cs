using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;

namespace GradeLens.Core.Accounts;

/// <summary>
/// The rules around accounts: passwords hashed with ASP.NET Core Identity's hasher (PBKDF2-HMAC-SHA512, salted),
/// lock-out after repeated failures, API keys kept only as a SHA-256, and checks on a new user's details.
/// </summary>
public sealed partial class AccountService(IAccountStore store, TimeProvider? clock = null)
{
    /// <summary>Wrong passwords in a row before the account is locked.</summary>
    public const int MaxFailedAttempts = 5;

    public const int MinimumPasswordLength = 10;

    public static TimeSpan LockOut { get; } = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<Hashed> Hasher = new();

    // Verified when the user does not exist, so an unknown name takes as long as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(Hashed.Instance, "decoy password that matches nothing");

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public IAccountStore Store => store;

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

    /// <summary>Why a new user's details are refused, or null when they are acceptable.</summary>
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

        return user.Role == Role.Teacher && user.Schools.Count == 0 && user.Classes.Count == 0
            ? "A teacher needs at least one school (--school) or class (--class): a teacher sees only those students."
            : null;
    }

    /// <summary>Adds a user with a hashed password; the message says why not when it was refused.</summary>
    public async Task<string?> AddUserAsync(NewUser user, string password, CancellationToken cancellationToken = default)
    {
        if ((UserProblem(user) ?? PasswordProblem(password)) is { } problem)
        {
            return problem;
        }

        return await store.AddUserAsync(user, HashPassword(password), cancellationToken) ? null : $"There is already a user called {user.Name}.";
    }

    public async Task<string?> SetPasswordAsync(string name, string password, CancellationToken cancellationToken = default)
    {
        if (PasswordProblem(password) is { } problem)
        {
            return problem;
        }

        return await store.SetPasswordHashAsync(name, HashPassword(password), cancellationToken) ? null : $"There is no user called {name}.";
    }

    /// <summary>Checks a password: counts failures, locks the account after <see cref="MaxFailedAttempts"/>, resets on success.</summary>
    public async Task<SignInOutcome> SignInAsync(string name, string password, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var found = await store.FindUserAsync(name, cancellationToken);
        if (found is not { } account)
        {
            Hasher.VerifyHashedPassword(Hashed.Instance, DecoyHash, password);
            return new SignInOutcome(SignInStatus.Failed, null, null);
        }

        if (account.User.LockedUntil is { } until && until > now)
        {
            return new SignInOutcome(SignInStatus.LockedOut, null, until);
        }

        var verified = Hasher.VerifyHashedPassword(Hashed.Instance, account.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            var failures = (account.User.LockedUntil is null ? account.User.FailedAttempts : 0) + 1;
            DateTime? lockedUntil = failures >= MaxFailedAttempts ? now + LockOut : null;
            await store.RecordSignInAsync(name, failures, lockedUntil, cancellationToken);
            return new SignInOutcome(lockedUntil is null ? SignInStatus.Failed : SignInStatus.LockedOut, null, lockedUntil);
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await store.SetPasswordHashAsync(name, HashPassword(password), cancellationToken);
        }
        else if (account.User.FailedAttempts > 0 || account.User.LockedUntil is not null)
        {
            await store.RecordSignInAsync(name, 0, null, cancellationToken);
        }

        return new SignInOutcome(SignInStatus.Succeeded, account.User with { FailedAttempts = 0, LockedUntil = null }, null);
    }

    /// <summary>A new API key for the user (shown once; only its SHA-256 is kept); null when there is no such user.</summary>
    public async Task<string?> IssueApiKeyAsync(string name, string label, CancellationToken cancellationToken = default)
    {
        if (await store.FindUserAsync(name, cancellationToken) is null)
        {
            return null;
        }

        var key = "glk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await store.AddApiKeyAsync(name, KeyHash(key), label, cancellationToken);
        return key;
    }

    /// <summary>The account an API key belongs to; null for an unknown key or a removed user.</summary>
    public async Task<UserAccount?> AuthenticateApiKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(key) || await store.FindApiKeyUserAsync(KeyHash(key), cancellationToken) is not { } name)
        {
            return null;
        }

        return (await store.FindUserAsync(name, cancellationToken))?.User;
    }

    private static string KeyHash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex UserName();

    /// <summary>The hasher's user type: the hash does not depend on the user.</summary>
    private sealed class Hashed
    {
        public static readonly Hashed Instance = new();
    }
}

public enum SignInStatus
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <param name="User">The account, on success.</param>
/// <param name="LockedUntil">When a locked account opens again.</param>
public sealed record SignInOutcome(SignInStatus Status, UserAccount? User, DateTime? LockedUntil);
