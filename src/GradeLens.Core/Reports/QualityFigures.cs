using System.Globalization;
using GradeLens.Core.Quality;
using GradeLens.Core.Reports.Figures;

namespace GradeLens.Core.Reports;

/// <summary>
/// The quality study's four figures, drawn from the Quality page's answers: rates in percent, suppressed ("low") KPIs
/// left out of every chart. Each returns null when there is nothing published to draw.
/// </summary>
public static class QualityFigures
{
    /// <summary>One programme's pass rate by term with its Wilson band, and the at-risk pass rate as a dashed reference.</summary>
    public static LineChart? Trend(ProgrammeTrend trend, TrendAnswer answer, QualityOptions options, int minimum)
    {
        ArgumentNullException.ThrowIfNull(trend);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(options);
        var order = answer.TermOrder.ToList();
        var terms = trend.Terms.OrderBy(t => order.IndexOf(t.Term) is var i && i < 0 ? int.MaxValue : i).ThenBy(t => t.Term, StringComparer.Ordinal).ToList();
        var points = terms.Select((t, x) => (t, x)).Where(p => !p.t.PassRate.Suppressed && p.t.PassRate.Value is not null)
            .Select(p => new LinePoint(p.x, p.t.PassRate.Value!.Value * 100, p.t.PassRate.Lower * 100, p.t.PassRate.Upper * 100))
            .ToList();
        if (points.Count == 0)
        {
            return null;
        }

        var threshold = options.AtRisk.PassRate * 100;
        var beyond = trend.Changes.Count(c => c.Significant);
        var text = new FigureText($"{trend.Programme}: pass rate by term", "Term", "Pass rate (% of module results)",
            Invariant($"Wilson {options.Confidence * 100:0.#}% band; {beyond} of {trend.Changes.Count} changes beyond chance ({answer.Test}); terms under {minimum} results \"low\", not drawn."));
        return new LineChart(text,
        [
            new LineSeries(trend.Programme, points),
            new LineSeries(Invariant($"at-risk threshold ({threshold:0.#}%)"), [new LinePoint(0, threshold), new LinePoint(Math.Max(1, terms.Count - 1), threshold)], Dashed: true),
        ], XCategories: [.. terms.Select(t => t.Term)], YMinimum: 0, YMaximum: 100);
    }

    /// <summary>Returned work by working days (a bar per day) with the policy limit.</summary>
    public static HistogramChart? Turnaround(TurnaroundView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Histogram.Count == 0)
        {
            return null;
        }

        var within = view.WithinPolicy is { Suppressed: false, Value: { } rate }
            ? Invariant($"{rate * 100:0.#}% within policy (Wilson {view.WithinPolicy.Lower * 100:0.#}-{view.WithinPolicy.Upper * 100:0.#}%)")
            : "% within policy \"low\" (too few assessments)";
        var text = new FigureText(Invariant($"Feedback turnaround in working days ({view.Returned} assessments returned)"),
            "Working days from the deadline to the return", "Assessments returned",
            Invariant($"Working days skip {view.Calendar}; {within}; {view.Outstanding} outstanding on {view.AsOf:yyyy-MM-dd} ({view.OutstandingLate} past the limit), not drawn."));
        return new HistogramChart(text, [.. view.Histogram.Select(h => new HistogramBin(h.WorkingDays - 0.5, h.WorkingDays + 0.5, h.Assessments))],
            new PolicyLine(view.PolicyWorkingDays + 0.5, Invariant($"policy: {view.PolicyWorkingDays} working days")));
    }

    /// <summary>Every module's pass rate against its mean survey score, both thresholds drawn, the at-risk modules marked.</summary>
    public static ScatterChart? PassAgainstSurvey(AtRiskAnswer answer, int minimum)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var shown = answer.Modules.Where(m => !m.Module.PassRate.Suppressed && m.Module.PassRate.Value is not null && m.SurveyMean is not null).ToList();
        if (shown.Count == 0)
        {
            return null;
        }

        var rule = answer.Rule;
        var clearly = shown.Count(m => m.AtRisk && m.Evidence == RiskEvidence.ClearlyBelow);
        var text = new FigureText(Invariant($"Modules' pass rate against their survey score ({shown.Count} modules)"), "Mean survey score (1 to 5)", "Pass rate (% of students)",
            Invariant($"At risk: under {rule.PassRate * 100:0.#}% and under {rule.SurveyMean:0.##} ({shown.Count(m => m.AtRisk)}, {clearly} clearly below by the Wilson interval); modules under {minimum} students or without survey left out."));
        return new ScatterChart(text,
            [.. shown.Select(m => new ScatterPoint(m.SurveyMean!.Value, m.Module.PassRate.Value!.Value * 100, m.AtRisk, m.AtRisk ? m.Module.ModuleId : null))],
            [
                new ThresholdLine(ThresholdAxis.X, rule.SurveyMean, Invariant($"survey {rule.SurveyMean:0.##}")),
                new ThresholdLine(ThresholdAxis.Y, rule.PassRate * 100, Invariant($"pass rate {rule.PassRate * 100:0.#}%")),
            ],
            "modules", "at risk");
    }

    /// <summary>Each programme and term's engagement index against its pass rate, the at-risk pass rate drawn.</summary>
    public static ScatterChart? EngagementAgainstPass(IReadOnlyList<EngagementPassPoint> points, QualityOptions options, int minimum)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(options);
        var shown = points.Where(p => !p.Suppressed && p.EngagementIndex is not null && p.PassRate.Value is not null).ToList();
        if (shown.Count == 0)
        {
            return null;
        }

        var threshold = options.AtRisk.PassRate;
        var text = new FigureText(Invariant($"Engagement index against pass rate ({shown.Count} programme-terms)"),
            "Engagement index (mean survey score x ln(1 + median support visits))", "Pass rate (% of module results)",
            Invariant($"A point per programme and term; under {threshold * 100:0.#}% marked; programme-terms under {minimum} students (\"low\") left out."));
        return new ScatterChart(text,
            [.. shown.Select(p => new ScatterPoint(p.EngagementIndex!.Value, p.PassRate.Value!.Value * 100, p.PassRate.Value < threshold, $"{p.Programme} {p.Term}"))],
            [new ThresholdLine(ThresholdAxis.Y, threshold * 100, Invariant($"pass rate {threshold * 100:0.#}%"))],
            "programme-terms", "under the pass-rate threshold");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
