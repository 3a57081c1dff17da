using System.CommandLine;
using GradeLens.Core.Reports;

namespace GradeLens.Cli.Commands.Report;

/// <summary>
/// <c>gradelens report STUDY --out DIR</c>: every file a study handed its readers, tables as CSV and figures as PNG, with
/// an index.html, computed by the pages' own entry points within the scope of the user it runs as (Core:
/// <see cref="ReportWriter"/>; the studies are <see cref="StudyReports.Registered"/>).
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var study = new Argument<string>("STUDY") { Description = $"Which study: {string.Join(", ", StudyReports.Names)}." };
        study.AcceptOnlyFromAmong([.. StudyReports.Names]);
        var output = new Option<string>("--out") { Description = "The folder to write: new or empty (see --force).", Required = true, HelpName = "DIR" };
        var store = CommandLine.StoreOption();
        var user = new Option<string?>("--as") { Description = "Write only what this user may see: their role and scope, from the store's accounts (an analyst's report has no student row). Default: the command-line admin, everything.", HelpName = "USER" };
        var force = new Option<bool>("--force") { Description = "Write into a folder that is not empty: the report's files are replaced, other files are left alone." };
        var pseudonymise = new Option<bool>("--pseudonymise") { Description = "Replace student ids by the organisation's pseudonyms in student_risk_scores.csv (analysts never get student rows at all)." };
        var riskSeries = new Option<string?>("--risk-series") { Description = "The risk model's target series (default: the latest series).", HelpName = "SERIES" };
        var riskSubject = new Option<string?>("--risk-subject") { Description = "The risk model's target subject (default: the latest series' subject with the most students).", HelpName = "SUBJECT" };
        var command = new Command("report", "Write a study's files (tables as CSV, figures as PNG, an index.html) into a folder, as the user it runs as may see them.")
        {
            study, output, store, user, force, pseudonymise, riskSeries, riskSubject,
        };
        command.SetAction((parse, cancellationToken) => ReportRun.RunAsync(
            new ReportArguments(parse.GetValue(study)!, parse.GetValue(output)!, parse.GetValue(store), parse.GetValue(user), parse.GetValue(force),
                parse.GetValue(pseudonymise), parse.GetValue(riskSeries), parse.GetValue(riskSubject)),
            cancellationToken));
        return command;
    }
}

/// <summary>What <c>gradelens report</c> was asked, parsed.</summary>
public sealed record ReportArguments(string Study, string Output, string? Store, string? User, bool Force, bool Pseudonymise, string? RiskSeries, string? RiskSubject);
