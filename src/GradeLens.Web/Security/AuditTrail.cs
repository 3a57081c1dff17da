using GradeLens.Core.Accounts;

namespace GradeLens.Web.Security;

/// <summary>Writes who did what, when and from where to the store's audit log. Details name files and users, never a student.</summary>
public sealed class AuditTrail(AccountService accounts, TimeProvider clock)
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in failed";
    public const string SignOut = "sign-out";
    public const string SignOutEverywhere = "signed out everywhere";
    public const string Import = "import";
    public const string Export = "export";
    public const string UserAdded = "user added";
    public const string UserRemoved = "user removed";
    public const string UserChanged = "user changed";
    public const string UserLocked = "user locked";
    public const string PasswordSet = "password set";
    public const string KeyIssued = "API key issued";
    public const string KeyRevoked = "API key revoked";

    public Task RecordAsync(HttpContext context, string action, string detail, string? user = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var who = user ?? context.User.Identity?.Name ?? "(anonymous)";
        var from = context.ClientAddress();
        return accounts.Store.AppendAuditAsync(new AuditEntry(clock.GetUtcNow().UtcDateTime, who, action, detail, from), context.RequestAborted);
    }
}
