using System.CommandLine;
using GradeLens.Core.Accounts;
using GradeLens.Web.Security;

namespace GradeLens.Cli.Commands.Users;

/// <summary>
/// <c>gradelens user change NAME --role ROLE ...</c>: a new role and reach, replacing the old whole (their sessions end; their
/// keys act with the new reach). <c>gradelens user lock NAME</c>: no sign-in until a new password is set; every session and
/// key ends now.
/// </summary>
public static class UserChangeCommand
{
    public static Command Change()
    {
        var store = CommandLine.StoreOption();
        var name = UserCommand.NameArgument();
        var role = new Option<string>("--role") { Description = "What they may see and do.", Required = true, HelpName = "admin|leader|teacher|analyst" };
        role.AcceptOnlyFromAmong([.. Enum.GetValues<Role>().Select(Roles.Name)]);
        var organisation = new Option<string?>("--organisation") { Description = "The organisation whose data they see (all but admins).", HelpName = "O" };
        var schools = new Option<string[]>("--school") { Description = "A teacher's school (repeat for several).", HelpName = "S" };
        var classes = UserAddCommand.ClassOption();
        var command = new Command("change", "Give a user a new role, organisation, schools and classes (all given anew); their sessions end.")
        {
            name, store, role, organisation, schools, classes,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var user = NewUser.FromInput(
                parse.GetValue(name)!, Roles.Parse(parse.GetValue(role))!.Value, parse.GetValue(organisation), parse.GetValue(schools), parse.GetValue(classes));
            if (AccountService.UserProblem(user) is { } problem)
            {
                return AccountRun.RefuseAsync(problem);
            }

            return AccountRun.RunAsync(parse.GetValue(store), async accounts =>
            {
                if (await accounts.ChangeUserAsync(user, cancellationToken) is { } refused)
                {
                    return await AccountRun.RefuseAsync(refused);
                }

                var reach = string.Join(", ", new[] { user.Organisation }.Concat(user.Schools).Concat(user.Classes.Select(c => c.ToString())).OfType<string>());
                await AccountRun.AuditAsync(accounts.Store, AuditTrail.UserChanged, $"{user.Name} ({user.Role.Name()}{(reach.Length == 0 ? "" : ", " + reach)})", cancellationToken);
                Console.WriteLine($"Changed {user.Name} to {user.Role.Name()}{(reach.Length == 0 ? "" : " (" + reach + ")")}; their sessions have ended.");
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }

    public static Command Lock()
    {
        var store = CommandLine.StoreOption();
        var name = UserCommand.NameArgument();
        var command = new Command("lock", "Lock a user out until a new password is set (gradelens user set-password); every session and API key of theirs ends now.") { name, store };
        command.SetAction((parse, cancellationToken) => AccountRun.RunAsync(parse.GetValue(store), async accounts =>
        {
            var user = parse.GetValue(name)!;
            if (await accounts.LockAsync(user, cancellationToken) is not { } ended)
            {
                return await AccountRun.RefuseAsync($"There is no user called {user}.");
            }

            await AccountRun.AuditAsync(accounts.Store, AuditTrail.UserLocked, $"{user} ({ended})", cancellationToken);
            Console.WriteLine($"Locked {user} ({ended}); 'gradelens user set-password {user}' opens the account again.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
