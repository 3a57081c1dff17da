using System.CommandLine;
using GradeLens.Web.Security;

namespace GradeLens.Cli.Commands.Users;

/// <summary><c>gradelens user ...</c>: who may sign in to the dashboard. Every change goes to the audit log.</summary>
public static class UserCommand
{
    public static Command Create() => new("user", "Manage who may sign in: add, change, lock, remove, list, set a password, issue, list and revoke API keys.")
    {
        UserAddCommand.Create(), UserChangeCommand.Change(), UserChangeCommand.Lock(), Remove(), UserListCommand.Create(), SetPassword(),
        UserKeyCommands.Key(), UserKeyCommands.Keys(), UserKeyCommands.Revoke(),
    };

    internal static Argument<string> NameArgument() => new("NAME") { Description = "The user name." };

    private static Command Remove()
    {
        var store = CommandLine.StoreOption();
        var name = NameArgument();
        var command = new Command("remove", "Remove a user, their scopes, sessions and API keys.") { name, store };
        command.SetAction((parse, cancellationToken) => AccountRun.RunAsync(parse.GetValue(store), async accounts =>
        {
            var user = parse.GetValue(name)!;
            if (!await accounts.Store.RemoveUserAsync(user, cancellationToken))
            {
                return await AccountRun.RefuseAsync($"There is no user called {user}.");
            }

            await AccountRun.AuditAsync(accounts.Store, AuditTrail.UserRemoved, user, cancellationToken);
            Console.WriteLine($"Removed {user}.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command SetPassword()
    {
        var store = CommandLine.StoreOption();
        var name = NameArgument();
        var fromStdin = AccountRun.PasswordStdinOption();
        var command = new Command("set-password", "Give a user a new password: it unlocks them, ends their sessions and revokes their API keys.") { name, store, fromStdin };
        command.SetAction((parse, cancellationToken) => AccountRun.RunAsync(parse.GetValue(store), async accounts =>
        {
            var user = parse.GetValue(name)!;
            var (password, generated) = await AccountRun.PasswordAsync(parse.GetValue(fromStdin), cancellationToken);
            if (await accounts.SetPasswordAsync(user, password, cancellationToken) is { } problem)
            {
                return await AccountRun.RefuseAsync(problem);
            }

            await AccountRun.AuditAsync(accounts.Store, AuditTrail.PasswordSet, user, cancellationToken);
            Console.WriteLine(generated ? AccountRun.ShownOnce(user, password) : $"Set the password of {user}.");
            Console.WriteLine($"Every session and API key of {user} has ended: they sign in again, and their scripts need new keys (gradelens user key {user}).");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
