using System.Globalization;
using System.Text;
using GradeLens.Core.Quality;

namespace GradeLens.Cli.Commands.Quality;

/// <summary>The Quality KPIs as plain text tables for a terminal: "low" where a figure is suppressed.</summary>
public static class QualityText
{
    public static string PassRates(PassRates rates, TrendAnswer trends)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(trends);
        var text = new StringBuilder().AppendLine("Pass rate per programme and term (" + rates.Rule + ")");
        Table(text, ["programme", "term", "students", "pass rate", "95% CI"],
            rates.Programmes.Select(p => new[] { p.Programme, p.Term, Count(p.Students), Rate(p.PassRate), Interval(p.PassRate) }));
        var changes = trends.Programmes.SelectMany(p => p.Changes.Where(c => c.Significant).Select(c => (p.Programme, Change: c))).ToList();
        text.AppendLine().AppendLine(changes.Count == 0 ? "No change between consecutive terms is beyond chance." : "Changes beyond chance (" + trends.Test + "):");
        foreach (var (programme, c) in changes)
        {
            text.AppendLine(Invariant($"  {programme}: {c.FromTerm} -> {c.ToTerm} {100 * c.Difference:+0.0;-0.0} points, p {P(c.P)}"));
        }

        return text.ToString();
    }

    public static string Turnaround(TurnaroundView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = new StringBuilder().AppendLine(Invariant($"Feedback turnaround as of {view.AsOf:yyyy-MM-dd}: {view.PolicyWorkingDays} working days' policy; {view.Calendar}."))
            .AppendLine(Invariant($"Within policy: {Rate(view.WithinPolicy)} {Interval(view.WithinPolicy)}; median {(view.MedianWorkingDays is { } m ? m.ToString("0.#", CultureInfo.InvariantCulture) : "low")} working days; {view.Returned:N0} returned, {view.Outstanding:N0} outstanding ({view.OutstandingLate:N0} past the limit), {view.NotYetDue:N0} not yet due."))
            .AppendLine();
        Table(text, ["bin", "calendar days", "working days"], view.Bins.Select(b => new[] { b.Label, Count(b.Calendar), Count(b.Working) }));
        text.AppendLine();
        Table(text, ["programme", "term", "returned", "outstanding", "late", "median", "within policy", "95% CI"], view.Programmes.Select(g => new[]
        {
            g.Programme, g.Term, Count(g.Returned), Count(g.Outstanding), Count(g.OutstandingLate),
            g.MedianWorkingDays?.ToString("0.#", CultureInfo.InvariantCulture) ?? "low", Rate(g.WithinPolicy), Interval(g.WithinPolicy),
        }));
        return text.ToString();
    }

    public static string Engagement(EngagementAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = new StringBuilder().AppendLine("Engagement index = mean survey score x ln(1 + median support visits)");
        Table(text, ["programme", "term", "students", "responses", "median visits", "mean score", "index"], answer.Programmes.Select(e => new[]
        {
            e.Programme, e.Term, Count(e.Students), Count(e.Responses), e.MedianVisits is { } v ? Number(v, "0.#") : "low",
            e.MeanScore is { } s ? Number(s, "0.00") : "low", e.Index is { } i ? Number(i, "0.000") : "low",
        }));
        text.AppendLine().AppendLine("Survey: % positive (4-5 of 5) per theme and question");
        Table(text, ["theme", "question", "responses", "response rate", "mean", "% positive", "95% CI", "note"], answer.Surveys.Select(s => new[]
        {
            s.Theme ?? "", s.Question ?? "(all)", Count(s.Responses), s.ResponseRate is { } r ? Number(100 * r, "0") + "%" : "",
            s.MeanScore is { } mean ? Number(mean, "0.00") : "withheld", s.Positive is { } p ? Rate(p) : s.Withheld ? "withheld" : "n/a",
            s.Positive is { } q ? Interval(q) : "", s.Note ?? "",
        }));
        foreach (var note in answer.Notes)
        {
            text.AppendLine("- " + note);
        }

        return text.ToString();
    }

    public static string AtRisk(AtRiskAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var atRisk = answer.Modules.Where(m => m.AtRisk).ToList();
        var text = new StringBuilder().AppendLine(Invariant(
            $"Modules at risk: pass rate under {100 * answer.Rule.PassRate:0.#}% and mean survey score under {answer.Rule.SurveyMean:0.##} ({atRisk.Count} of {answer.Modules.Count}); {answer.MarkRule}"));
        Table(text, ["module", "title", "programme", "term", "students", "pass rate", "95% CI", "survey", "evidence"], atRisk.Select(r => new[]
        {
            r.Module.ModuleId, r.Module.Title, r.Module.Programme, r.Module.Term, Count(r.Module.PassRate.Of), Rate(r.Module.PassRate), Interval(r.Module.PassRate),
            r.SurveyMean is { } s ? Number(s, "0.00") : "low", QualityReportFiles.Snake(r.Evidence.ToString()).Replace('_', ' '),
        }));
        var possibly = answer.Modules.Count(m => !m.AtRisk && m.Evidence is RiskEvidence.ClearlyBelow or RiskEvidence.PossiblyBelow);
        text.AppendLine(Invariant($"{possibly} more modules have a pass-rate interval reaching under {100 * answer.Rule.PassRate:0.#}% but a survey score at or over the threshold (or none)."));
        return text.ToString();
    }

    private static void Table(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    private static string Rate(ProportionEstimate e) => e.Suppressed ? "low" : Number(100 * e.Value!.Value, "0.0") + "%";

    private static string Interval(ProportionEstimate e) => e.Suppressed ? "" : Invariant($"{100 * e.Lower!.Value:0.0}-{100 * e.Upper!.Value:0.0}%");

    private static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string P(double? p) => p is not { } value ? "" : value < 0.001 ? "< 0.001" : Number(value, "0.000");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
