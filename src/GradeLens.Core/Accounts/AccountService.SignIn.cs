using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace GradeLens.Core.Accounts;

/// <summary>
/// Sign-in and sessions. Wrong passwords are counted per account AND address: <see cref="MaxFailedAttempts"/> in a row lock
/// that address out of that account for <see cref="LockOut"/>, so a stranger can lock out only themselves. Failures from
/// every address together slow the account down: past <see cref="SlowDownAfter"/> since the last success, a password is
/// checked at most once per <see cref="SlowDownInterval"/>. Neither ends sessions or keys (a stranger could then end them);
/// an admin's lock does. Every refusal takes as long as a wrong password and says the same thing (no account enumeration).
/// </summary>
public sealed partial class AccountService
{
    /// <summary>Wrong passwords in a row from one address before that address is locked out of the account.</summary>
    public const int MaxFailedAttempts = 5;

    /// <summary>Wrong passwords from all addresses together, since the last success, after which the account slows down.</summary>
    public const int SlowDownAfter = 20;

    public static TimeSpan LockOut { get; } = TimeSpan.FromMinutes(15);

    public static TimeSpan SlowDownInterval { get; } = TimeSpan.FromSeconds(10);

    /// <summary>A session not used for this long has ended (as the cookie's sliding expiry).</summary>
    public static TimeSpan SessionIdleLimit { get; } = TimeSpan.FromHours(8);

    // Verified when nothing else is, so an unknown name or a locked account takes as long as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(Hashed.Instance, "decoy password that matches nothing");

    /// <summary>Checks a password from the command line or a test (one address: "local").</summary>
    public Task<SignInOutcome> SignInAsync(string name, string password, CancellationToken cancellationToken = default) =>
        SignInAsync(name, password, "local", cancellationToken);

    /// <summary>Checks a password from <paramref name="address"/>: counts failures, locks the pair, slows the account, resets on success.</summary>
    public async Task<SignInOutcome> SignInAsync(string name, string password, string address, CancellationToken cancellationToken = default)
    {
        var now = Now;
        if (await _store.FindUserAsync(name, cancellationToken) is not { } found)
        {
            return Decoy(password, SignInStatus.Failed, null);
        }

        var (account, hash) = found;
        if (account.IsLockedAt(now))
        {
            return Decoy(password, SignInStatus.AccountLocked, account.LockedUntil);
        }

        var pair = await _store.SignIns.FindAsync(name, address, cancellationToken);
        if (pair?.LockedUntil is { } until && until > now)
        {
            return Decoy(password, SignInStatus.LockedOut, until);
        }

        if (account.FailedAttempts >= SlowDownAfter && account.LastFailedAt is { } last && now - last < SlowDownInterval)
        {
            return Decoy(password, SignInStatus.SlowedDown, last + SlowDownInterval);
        }

        var verified = Hasher.VerifyHashedPassword(Hashed.Instance, hash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            // After a lock-out has passed, the address starts counting again.
            var failures = (pair is { LockedUntil: null } ? pair.FailedAttempts : 0) + 1;
            DateTime? lockedUntil = failures >= MaxFailedAttempts ? now + LockOut : null;
            await _store.SignIns.RecordFailureAsync(name, address, new AddressFailures(failures, lockedUntil), now, cancellationToken);
            return new SignInOutcome(lockedUntil is null ? SignInStatus.Failed : SignInStatus.LockedOut, null, lockedUntil);
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await _store.RehashPasswordAsync(name, HashPassword(password), cancellationToken);
        }

        if (pair is not null || account.FailedAttempts > 0)
        {
            await _store.SignIns.RecordSuccessAsync(name, address, cancellationToken);
        }

        return new SignInOutcome(SignInStatus.Succeeded, account with { FailedAttempts = 0, LastFailedAt = null }, null);
    }

    /// <summary>A new session for a user who just signed in (its id goes in the cookie); sessions idle too long are forgotten.</summary>
    public async Task<UserSession> StartSessionAsync(UserAccount user, string address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = Now;
        await _store.Sessions.ForgetIdleAsync(now - SessionIdleLimit, cancellationToken);
        var session = new UserSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), user.Name, now, now, address);
        await _store.Sessions.AddAsync(session, cancellationToken);
        return session;
    }

    /// <summary>
    /// The account behind a cookie, read again now: null when the user is gone or locked, their security stamp changed since
    /// the cookie was made, or the session ended (signed out, or idle past <see cref="SessionIdleLimit"/>).
    /// </summary>
    public async Task<UserAccount?> ValidateSessionAsync(string? sessionId, string? name, string? securityStamp, CancellationToken cancellationToken = default)
    {
        if (sessionId is null || name is null || securityStamp is null)
        {
            return null;
        }

        var now = Now;
        if (await _store.FindUserAsync(name, cancellationToken) is not { User: var user } || !string.Equals(user.SecurityStamp, securityStamp, StringComparison.Ordinal) || user.IsLockedAt(now))
        {
            return null;
        }

        if (await _store.Sessions.FindAsync(sessionId, cancellationToken) is not { } session || session.User != name || now - session.LastSeenAt > SessionIdleLimit)
        {
            return null;
        }

        await _store.Sessions.TouchAsync(session, now, cancellationToken);
        return user;
    }

    /// <summary>Ends one session (sign-out): its cookie, replayed, is refused.</summary>
    public Task<bool> EndSessionAsync(string sessionId, CancellationToken cancellationToken = default) => _store.Sessions.EndAsync(sessionId, cancellationToken);

    private static SignInOutcome Decoy(string password, SignInStatus status, DateTime? until)
    {
        Hasher.VerifyHashedPassword(Hashed.Instance, DecoyHash, password);
        return new SignInOutcome(status, null, until);
    }
}

public enum SignInStatus
{
    Succeeded,

    /// <summary>No such user, or a wrong password.</summary>
    Failed,

    /// <summary>This address is locked out of this account after <see cref="AccountService.MaxFailedAttempts"/> wrong passwords.</summary>
    LockedOut,

    /// <summary>An admin locked the account.</summary>
    AccountLocked,

    /// <summary>Many wrong passwords from many addresses: the account takes one attempt per <see cref="AccountService.SlowDownInterval"/>.</summary>
    SlowedDown,
}

/// <param name="User">The account, on success.</param>
/// <param name="Until">When the refusal ends (a lock-out, a lock, a slow-down).</param>
public sealed record SignInOutcome(SignInStatus Status, UserAccount? User, DateTime? Until);
