using GradeLens.Core.Accounts;
using GradeLens.Web.Security;

namespace GradeLens.Cli.Commands.Users;

/// <summary>
/// The first run of a server over a store without users: the admin "admin" with the password in GRADELENS_ADMIN_PASSWORD,
/// else a random one printed once. Never a default password.
/// </summary>
public static class FirstAdmin
{
    public const string Name = "admin";

    public const string PasswordVariable = "GRADELENS_ADMIN_PASSWORD";

    /// <summary>Creates the admin when the store has no users; false (after one sentence on stderr) when the variable's password is refused.</summary>
    public static async Task<bool> EnsureAsync(IAccountStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if ((await store.ListUsersAsync(cancellationToken)).Count > 0)
        {
            return true;
        }

        var given = Environment.GetEnvironmentVariable(PasswordVariable);
        var password = string.IsNullOrEmpty(given) ? AccountService.GeneratePassword() : given;
        if (await new AccountService(store).AddUserAsync(new NewUser(Name, Role.Admin, null, [], []), password, cancellationToken) is { } problem)
        {
            await Console.Error.WriteLineAsync($"gradelens: {PasswordVariable} is refused for the first admin: {problem}");
            return false;
        }

        await AccountRun.AuditAsync(store, AuditTrail.UserAdded, $"{Name} ({Role.Admin.Name()}), first run", cancellationToken);
        Console.WriteLine(string.IsNullOrEmpty(given)
            ? $"Created the first admin '{Name}' with password {password}  (shown once; change it with gradelens user set-password {Name})"
            : $"Created the first admin '{Name}' with the password in {PasswordVariable}.");
        return true;
    }
}
