using System.CommandLine;
using GradeLens.Core.Accounts;

namespace GradeLens.Cli.Commands.Users;

/// <summary>What the user commands share: open the store's accounts, refuse in one sentence, write the audit log, read or make a password.</summary>
internal static class AccountRun
{
    /// <summary>Who the audit log names for a change made on the command line.</summary>
    public static string Actor => "cli:" + Environment.UserName;

    public const string RemoteAddress = "command line";

    public static Option<bool> PasswordStdinOption() => new("--password-stdin")
    {
        Description = "Read the password from the first line of standard input (for scripts; a password is never an argument). Without it a random one is printed once.",
    };

    /// <summary>Opens the store and runs <paramref name="run"/> over its accounts; a busy or foreign store is one line on stderr.</summary>
    public static async Task<int> RunAsync(string? storeOption, Func<AccountService, Task<int>> run, CancellationToken cancellationToken)
    {
        await using var opened = await CommandLine.OpenStoreAsync(storeOption, cancellationToken);
        return opened is null ? ExitCodes.BadInput : await run(new AccountService(opened.Accounts));
    }

    public static async Task<int> RefuseAsync(string sentence)
    {
        await Console.Error.WriteLineAsync("gradelens: " + sentence);
        return ExitCodes.BadInput;
    }

    public static Task AuditAsync(IAccountStore store, string action, string detail, CancellationToken cancellationToken) =>
        store.AppendAuditAsync(new AuditEntry(DateTime.UtcNow, Actor, action, detail, RemoteAddress), cancellationToken);

    /// <summary>The password: the first line of standard input, or a new random one (then <c>Generated</c> is true and the caller prints it once).</summary>
    public static async Task<(string Password, bool Generated)> PasswordAsync(bool fromStandardInput, CancellationToken cancellationToken) =>
        fromStandardInput
            ? (await Console.In.ReadLineAsync(cancellationToken) ?? "", false)
            : (AccountService.GeneratePassword(), true);

    /// <summary>The line that shows a generated password, the only time it is shown.</summary>
    public static string ShownOnce(string name, string password) =>
        $"Password for {name}: {password}  (shown once: only its hash is kept; change it with gradelens user set-password {name})";
}
