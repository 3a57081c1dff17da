using System.CommandLine;
using GradeLens.Core.Accounts;
using GradeLens.Web.Security;

namespace GradeLens.Cli.Commands.Users;

/// <summary><c>gradelens user add NAME --role ROLE</c>: a new user with a random password printed once, or one read from stdin.</summary>
public static class UserAddCommand
{
    public static Command Create()
    {
        var store = CommandLine.StoreOption();
        var name = new Argument<string>("NAME") { Description = "The user name: letters, digits, dots, dashes, underscores or @." };
        var role = new Option<string>("--role") { Description = "What they may see and do.", Required = true, HelpName = "admin|leader|teacher|analyst" };
        role.AcceptOnlyFromAmong([.. Enum.GetValues<Role>().Select(Roles.Name)]);
        var organisation = new Option<string?>("--organisation") { Description = "The organisation whose data they see (all but admins).", HelpName = "O" };
        var schools = new Option<string[]>("--school") { Description = "A teacher's school (repeat for several).", HelpName = "S" };
        var classes = ClassOption();
        var fromStdin = AccountRun.PasswordStdinOption();
        var command = new Command("add", "Add a user who may sign in to the dashboard.") { name, store, role, organisation, schools, classes, fromStdin };
        command.SetAction((parse, cancellationToken) =>
        {
            var user = NewUser.FromInput(
                parse.GetValue(name)!, Roles.Parse(parse.GetValue(role))!.Value, parse.GetValue(organisation), parse.GetValue(schools), parse.GetValue(classes));
            return AddAsync(parse.GetValue(store), user, parse.GetValue(fromStdin), cancellationToken);
        });
        return command;
    }

    /// <summary><c>--class SCHOOL:CLASS</c>: a class is named with its school, so another school's class of that name stays out of reach.</summary>
    public static Option<string[]> ClassOption() => new("--class")
    {
        Description = "A teacher's class (teaching group) with its school, as SCHOOL:CLASS, e.g. \"North School:10A\" (repeat for several).",
        HelpName = "SCHOOL:CLASS",
    };

    private static async Task<int> AddAsync(string? storeOption, NewUser user, bool fromStdin, CancellationToken cancellationToken)
    {
        // The details are checked before a password is read or the store is opened.
        if (AccountService.UserProblem(user) is { } problem)
        {
            return await AccountRun.RefuseAsync(problem);
        }

        var (password, generated) = await AccountRun.PasswordAsync(fromStdin, cancellationToken);
        return await AccountRun.RunAsync(storeOption, async accounts =>
        {
            if (await accounts.AddUserAsync(user, password, cancellationToken) is { } refused)
            {
                return await AccountRun.RefuseAsync(refused);
            }

            await AccountRun.AuditAsync(accounts.Store, AuditTrail.UserAdded, $"{user.Name} ({user.Role.Name()})", cancellationToken);
            Console.WriteLine($"Added {user.Name} ({user.Role.Name()}{(user.Organisation is null ? "" : ", " + user.Organisation)}).");
            if (generated)
            {
                Console.WriteLine(AccountRun.ShownOnce(user.Name, password));
            }

            return ExitCodes.Success;
        }, cancellationToken);
    }
}
