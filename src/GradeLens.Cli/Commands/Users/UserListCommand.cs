using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GradeLens.Web.Admin;
using GradeLens.Web.Security;
using Spectre.Console;

namespace GradeLens.Cli.Commands.Users;

/// <summary><c>gradelens user list</c>: every user with their role and reach; the JSON is stable for scripts and never holds a hash.</summary>
public static class UserListCommand
{
    public static Command Create()
    {
        var store = CommandLine.StoreOption();
        var format = OutputFormat.Option();
        var command = new Command("list", "List the users: role, organisation, schools, classes (SCHOOL:CLASS), whether an admin locked them, when added.") { store, format };
        command.SetAction((parse, cancellationToken) => AccountRun.RunAsync(parse.GetValue(store), async accounts =>
        {
            var now = accounts.Now;
            var users = (await accounts.Store.ListUsersAsync(cancellationToken)).Select(u => UserView.Of(u, now)).ToList();
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(users, OutputFormat.JsonOptions));
                return ExitCodes.Success;
            }

            if (users.Count == 0)
            {
                AnsiConsole.WriteLine("No users yet: 'gradelens serve' creates the first admin, or add one with 'gradelens user add NAME --role admin'.");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("name", "role", "organisation", "schools", "classes", "locked", "created");
            foreach (var user in users)
            {
                table.AddRow(
                    Markup.Escape(user.Name), user.Role, Markup.Escape(user.Organisation ?? "(all)"),
                    Markup.Escape(string.Join(", ", user.Schools)), Markup.Escape(string.Join(", ", user.Classes)),
                    user.Locked ? "yes" : "no", user.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
