using System.CommandLine;
using GradeLens.Web.Security;

namespace GradeLens.Cli.Commands.Users;

/// <summary><c>gradelens user ...</c>: who may sign in to the dashboard. Every change goes to the audit log.</summary>
public static class UserCommand
{
    public static Command Create() => new("user", "Manage who may sign in: add, remove, list, set a password, issue an API key.")
    {
        UserAddCommand.Create(), Remove(), UserListCommand.Create(), SetPassword(), Key(),
    };

    private static Argument<string> NameArgument() => new("NAME") { Description = "The user name." };

    private static Command Remove()
    {
        var store = CommandLine.StoreOption();
        var name = NameArgument();
        var command = new Command("remove", "Remove a user, their scopes and their API keys.") { name, store };
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
        var command = new Command("set-password", "Give a user a new password (and unlock them).") { name, store, fromStdin };
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
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Key()
    {
        var store = CommandLine.StoreOption();
        var name = NameArgument();
        var label = new Option<string>("--label") { Description = "What the key is for, as the audit log names it.", DefaultValueFactory = _ => "cli", HelpName = "LABEL" };
        var command = new Command("key", "Issue an API key for scripts; it acts as the user and is shown once.") { name, store, label };
        command.SetAction((parse, cancellationToken) => AccountRun.RunAsync(parse.GetValue(store), async accounts =>
        {
            var user = parse.GetValue(name)!;
            var purpose = parse.GetValue(label)!.Trim() is { Length: > 0 } given ? given : "cli";
            if (await accounts.IssueApiKeyAsync(user, purpose, cancellationToken) is not { } key)
            {
                return await AccountRun.RefuseAsync($"There is no user called {user}.");
            }

            await AccountRun.AuditAsync(accounts.Store, AuditTrail.KeyIssued, $"{user} ({purpose})", cancellationToken);
            Console.WriteLine($"API key for {user} ({purpose}): {key}");
            Console.WriteLine("Shown once: only its SHA-256 is kept. Scripts send it in the header 'Authorization: Bearer <key>' and act as " + user + ".");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
