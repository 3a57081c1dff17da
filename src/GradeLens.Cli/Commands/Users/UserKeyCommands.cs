using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GradeLens.Core.Accounts;
using GradeLens.Web.Admin;
using GradeLens.Web.Security;
using Spectre.Console;

namespace GradeLens.Cli.Commands.Users;

/// <summary>
/// <c>gradelens user key NAME [--label L] [--expires-in DAYS]</c> issues a key (shown once); <c>gradelens user keys NAME</c>
/// lists a user's keys; <c>gradelens user revoke NAME KEY-ID</c> revokes one. Issuing and revoking are in the audit log.
/// </summary>
public static class UserKeyCommands
{
    public static Command Key()
    {
        var store = CommandLine.StoreOption();
        var name = UserCommand.NameArgument();
        var label = new Option<string>("--label") { Description = "What the key is for, as the keys list and the audit log name it.", DefaultValueFactory = _ => "cli", HelpName = "LABEL" };
        var expiresIn = new Option<int>("--expires-in")
        {
            Description = $"Days until the key stops working (1 to {AccountService.MaxKeyLifetimeDays}).",
            DefaultValueFactory = _ => AccountService.DefaultKeyLifetimeDays,
            HelpName = "DAYS",
        };
        var command = new Command("key", "Issue an API key for scripts; it acts as the user, expires, and is shown once.") { name, store, label, expiresIn };
        command.SetAction((parse, cancellationToken) =>
        {
            var days = parse.GetValue(expiresIn);
            if (AccountService.KeyLifetimeProblem(days) is { } problem)
            {
                return AccountRun.RefuseAsync(problem);
            }

            return AccountRun.RunAsync(parse.GetValue(store), async accounts =>
            {
                var user = parse.GetValue(name)!;
                var purpose = parse.GetValue(label)!.Trim() is { Length: > 0 } given ? given : "cli";
                if (await accounts.IssueKeyAsync(user, purpose, days, cancellationToken) is not { } issued)
                {
                    return await AccountRun.RefuseAsync($"There is no user called {user}.");
                }

                var expires = issued.Key.ExpiresAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                await AccountRun.AuditAsync(accounts.Store, AuditTrail.KeyIssued, $"{user} ({purpose}, key {issued.Key.Id}, expires {issued.Key.ExpiresAt:yyyy-MM-dd})", cancellationToken);
                Console.WriteLine($"API key {issued.Key.Id} for {user} ({purpose}), expires {expires} UTC: {issued.Secret}");
                Console.WriteLine($"Shown once: only its SHA-256 is kept. Scripts send it in the header 'Authorization: Bearer <key>' and act as {user}; " +
                                  $"revoke it with 'gradelens user revoke {user} {issued.Key.Id}'.");
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }

    public static Command Keys()
    {
        var store = CommandLine.StoreOption();
        var name = UserCommand.NameArgument();
        var format = OutputFormat.Option();
        var command = new Command("keys", "List a user's API keys: id, label, created, expires, last used, state (never a key).") { name, store, format };
        command.SetAction((parse, cancellationToken) => AccountRun.RunAsync(parse.GetValue(store), async accounts =>
        {
            var user = parse.GetValue(name)!;
            if (await accounts.Store.FindUserAsync(user, cancellationToken) is null)
            {
                return await AccountRun.RefuseAsync($"There is no user called {user}.");
            }

            var now = accounts.Now;
            var keys = (await accounts.Store.Keys.ListAsync(user, cancellationToken)).Select(k => KeyView.Of(k, now)).ToList();
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(keys, OutputFormat.JsonOptions));
                return ExitCodes.Success;
            }

            if (keys.Count == 0)
            {
                AnsiConsole.WriteLine($"{user} has no API keys; issue one with 'gradelens user key {user} --label LABEL'.");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("id", "label", "created", "expires", "last used", "state");
            foreach (var key in keys)
            {
                table.AddRow(key.Id, Markup.Escape(key.Label), Minute(key.CreatedAt), Minute(key.ExpiresAt), key.LastUsedAt is { } used ? Minute(used) : "never",
                    Markup.Escape(key.State == "revoked" ? $"revoked {Minute(key.RevokedAt!.Value)} ({key.RevokedReason})" : key.State));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    public static Command Revoke()
    {
        var store = CommandLine.StoreOption();
        var name = UserCommand.NameArgument();
        var id = new Argument<string>("KEY-ID") { Description = "The key's id, as 'gradelens user keys NAME' lists it." };
        var command = new Command("revoke", "Revoke one API key of a user: it stops working at once.") { name, id, store };
        command.SetAction((parse, cancellationToken) => AccountRun.RunAsync(parse.GetValue(store), async accounts =>
        {
            var (user, keyId) = (parse.GetValue(name)!, parse.GetValue(id)!.Trim());
            if (!await accounts.RevokeApiKeyAsync(user, keyId, AccountRun.Actor, cancellationToken))
            {
                return await AccountRun.RefuseAsync($"{user} has no active API key {keyId}; 'gradelens user keys {user}' lists their keys.");
            }

            await AccountRun.AuditAsync(accounts.Store, AuditTrail.KeyRevoked, $"{user} (key {keyId})", cancellationToken);
            Console.WriteLine($"Revoked API key {keyId} of {user}.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static string Minute(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
