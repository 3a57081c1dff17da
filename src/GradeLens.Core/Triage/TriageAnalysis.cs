using GradeLens.Core.Accounts;
using GradeLens.Core.Filters;
using GradeLens.Core.Models;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Triage;

/// <summary>Where to cut the ranked list: at a capacity ("we can see 30"), at a minimum risk, or nowhere; ids pseudonymised or not.</summary>
public sealed record TriageCut(int? Capacity = null, double? MinimumRisk = null, bool Pseudonymise = false);

public sealed record TriageRow(int Rank, string Student, double Risk, string Outcome, string Why, IReadOnlyList<FeatureContribution> Reasons);

/// <param name="Students">Students ranked in all; <see cref="Rows"/> holds those within the cut-off.</param>
/// <param name="Outcome">The outcome in words ("Maths in Final below 4", "final_result is Fail or Withdrawn").</param>
/// <param name="AsOf">The cutoff the model was fitted as of (a series or a date), null for every earlier series.</param>
/// <param name="Fitted">When and at which data version the kept model was fitted.</param>
public sealed record TriageView(string Series, string Subject, double Threshold, int Students, string CutOff, bool Pseudonymised, AucEstimate Auc, IReadOnlyList<TriageRow> Rows, string Outcome, string? AsOf, FittedOn Fitted);

/// <summary>
/// The Triage page's entry point: students ranked by calibrated risk, cut, each with the top reasons. A page's filter (a
/// school, class or year group) narrows the list, not the model: it learns from everyone the caller may see.
/// </summary>
public static class TriageAnalysis
{
    public static async Task<TriageView> RunAsync(IGradeStore store, Scope scope, RiskRequest request, RiskOptions options, TriageCut cut, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(cut);
        var result = await RiskAnalysis.RunAsync(store, scope.WithoutFilter(), request, options, cancellationToken);
        // The narrowed list is kept per filter and data version, so a filtered page answers from it too.
        var listed = scope.Filter is null ? result.Ranked
            : await store.RememberAsync(AnswerKey.For("triage.narrowed", scope, request, options), token => NarrowedAsync(store, scope, result.Ranked, token), cancellationToken);
        // Pseudonyms: a keyed hash with the organisation's secret, the same in every export of that organisation.
        var name = cut.Pseudonymise ? await Pseudonyms.ForAsync(store.Accounts, scope.Organisation, cancellationToken) : id => id;
        var selected = listed.Where(s => cut.MinimumRisk is null || s.Risk >= cut.MinimumRisk).Take(cut.Capacity ?? int.MaxValue).ToList();
        var rows = selected.Select((s, i) => new TriageRow(
            i + 1,
            name(s.StudentId),
            s.Risk,
            s.Outcome switch { true => "yes", false => "no", null => "not yet" },
            string.Join("; ", s.Reasons.Select(c => c.Feature.EndsWith(FeatureBuilder.MissingSuffix, StringComparison.Ordinal)
                ? $"{c.Feature[..^FeatureBuilder.MissingSuffix.Length]}: missing" : $"{c.Feature} = {c.Value:0.##}")),
            s.Reasons)).ToList();
        var cutOff = cut.Capacity is not null ? $"the {rows.Count} highest-risk students (capacity {cut.Capacity})"
            : cut.MinimumRisk is not null ? $"{rows.Count} students with a risk of at least {cut.MinimumRisk:P0}" : $"all {rows.Count} students";
        return new TriageView(result.Features.Request.TargetSeries, result.Features.Request.TargetSubject, result.Features.Threshold,
            listed.Count, cutOff, cut.Pseudonymise, result.Report.Auc, rows, result.Features.Outcome, result.Features.Request.Cutoff, result.Fitted);
    }

    private static async Task<IReadOnlyList<StudentRisk>> NarrowedAsync(IGradeStore store, Scope scope, IReadOnlyList<StudentRisk> ranked, CancellationToken cancellationToken)
    {
        var ids = await store.GetStudentIdsAsync(scope, cancellationToken);
        return [.. ranked.Where(s => ids.Contains(s.StudentId))];
    }
}
