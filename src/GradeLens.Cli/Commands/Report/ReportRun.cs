using System.Globalization;
using GradeLens.Cli.Commands.Users;
using GradeLens.Core.Accounts;
using GradeLens.Core.Reports;
using GradeLens.Core.Reports.Figures;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;

namespace GradeLens.Cli.Commands.Report;

/// <summary>Runs a report: refuse a non-empty folder, open the store, find the user, write with progress, record it in the audit log, say what was written.</summary>
public static class ReportRun
{
    /// <summary>The audit log's action for a report.</summary>
    public const string AuditAction = "report";

    public static async Task<int> RunAsync(ReportArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var directory = Path.GetFullPath(arguments.Output);
        if (ReportFolder.Refusal(directory, arguments.Force) is { } refusal)
        {
            return await RefuseAsync(refusal);
        }

        if ((arguments.RiskSeries is null) != (arguments.RiskSubject is null))
        {
            await Console.Error.WriteLineAsync("gradelens: --risk-series and --risk-subject go together: name the target series and its subject.");
            return ExitCodes.Usage;
        }

        await using var store = await CommandLine.OpenStoreAsync(arguments.Store, cancellationToken);
        if (store is null)
        {
            return ExitCodes.BadInput;
        }

        var audience = ReportAudience.CommandLineAdmin;
        if (arguments.User is { } name)
        {
            if (await store.Accounts.FindUserAsync(name, cancellationToken) is not { } found)
            {
                return await RefuseAsync($"There is no user called {name} in {store.Location}: 'gradelens user list' shows who there is.");
            }

            audience = ReportAudience.For(found.User);
        }

        var options = new ReportOptions(
            arguments.RiskSeries is null ? null : new RiskRequest(arguments.RiskSeries, arguments.RiskSubject!), arguments.Pseudonymise);
        ReportSummary summary;
        try
        {
            summary = await ProgressDisplay.RunAsync(
                progress => ReportWriter.WriteAsync(store, StudyReports.Select(arguments.Study), directory, audience, options, progress, cancellationToken),
                "Writing the report");
        }
        catch (Exception e) when (e is MissingFontException or IOException or UnauthorizedAccessException)
        {
            return await RefuseAsync(e.Message);
        }

        await store.Accounts.AppendAuditAsync(new AuditEntry(DateTime.UtcNow, AccountRun.Actor, AuditAction,
            $"report {arguments.Study} to {directory} as {audience.Describe()}: {summary.FileCount} files", AccountRun.RemoteAddress), cancellationToken);
        Print(summary);
        return ExitCodes.Success;
    }

    private static void Print(ReportSummary summary)
    {
        foreach (var study in summary.Studies)
        {
            var tables = study.Files.Count(f => f.Kind != ReportFileKind.Figure);
            var figures = study.Files.Count(f => f.Kind == ReportFileKind.Figure);
            Console.WriteLine(study.Skipped is { } skipped
                ? $"{study.Study}: skipped. {skipped}"
                : $"{study.Study}: {tables} tables, {figures} figures in {Path.Combine(summary.Directory, study.Study)}");
            foreach (var note in study.Notes)
            {
                Console.WriteLine("  note: " + note);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Report for {summary.Audience.Describe()}: {summary.IndexPath} ({summary.FileCount} files in {summary.Elapsed.TotalSeconds:0.0} s)."));
    }

    private static async Task<int> RefuseAsync(string sentence)
    {
        await Console.Error.WriteLineAsync("gradelens: " + sentence);
        return ExitCodes.BadInput;
    }
}
