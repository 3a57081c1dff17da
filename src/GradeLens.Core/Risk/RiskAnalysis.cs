using System.Diagnostics;
using GradeLens.Core.Models;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Risk;

/// <summary>What a kept risk model was fitted on, without the feature matrix: the request, the outcome in words, the feature names, notes and missing values.</summary>
public sealed record RiskFeatureSummary(
    RiskRequest Request,
    string Outcome,
    double Threshold,
    IReadOnlyList<string> FeatureSeries,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<string> Notes,
    IReadOnlyList<MissingValues> Missing);

/// <summary>A trained, evaluated risk model and every student in scope ranked by calibrated risk.</summary>
/// <param name="Ranked">
/// Highest risk first. Students with an outcome carry their out-of-fold risk (from a model that never saw them);
/// students without one yet are scored by the model fitted on everyone. Reasons are the top contributions.
/// </param>
public sealed record RiskAnalysisResult(RiskFeatureSummary Features, RiskReport Report, IReadOnlyList<StudentRisk> Ranked, FittedOn Fitted);

/// <summary>One point of the early-warning curve: the model as of a cutoff, and its cross-validated AUC (null when it cannot be fitted, with the reason).</summary>
public sealed record CutoffAuc(string Cutoff, int Features, AucEstimate? Auc, string? NotFitted);

/// <summary>
/// Reads the features from the store, trains and evaluates the model, and ranks the students; the result is kept per
/// request, scope and data version (<see cref="KeptModels"/>), so the Risk, Triage and Students pages answer from it.
/// </summary>
public static class RiskAnalysis
{
    public const int ReasonsPerStudent = 3;

    /// <summary>The cutoff of the curve's first point: attributes only, before any series.</summary>
    public const string BeforeAnySeries = "before any series";

    public static Task<RiskAnalysisResult> RunAsync(IGradeStore store, Scope scope, RiskRequest request, RiskOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        options ??= new RiskOptions();
        // The fairness view is an aggregate like any other: no group below the caller's minimum cell size.
        options = options with { MinimumGroupSize = Math.Max(options.MinimumGroupSize, scope.MinimumCellSize) };
        var chosen = options;
        return store.KeptModelAsync(AnswerKey.For("risk.model", scope, request, chosen), token => FitAsync(store, scope, request, chosen, token), Bytes, cancellationToken);
    }

    /// <summary>
    /// The honest early-warning curve: the same target fitted as of each series before it (and on attributes alone,
    /// before any series), each point's cross-validated AUC. Each point is a kept model of its own.
    /// </summary>
    public static async Task<IReadOnlyList<CutoffAuc>> CurveAsync(IGradeStore store, Scope scope, RiskRequest request, RiskOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        // A score target's cutoffs are the series its own students sat before it; an outcome column's, its organisations' series.
        var known = request.ColumnTarget ? null : (await store.GetModelTargetsAsync(scope, cancellationToken)).Targets
            .FirstOrDefault(t => string.Equals(t.Series, request.TargetSeries.Trim(), StringComparison.OrdinalIgnoreCase) && string.Equals(t.Subject, request.TargetSubject.Trim(), StringComparison.OrdinalIgnoreCase));
        var before = known?.EarlierSeries ?? (await store.GetTargetSeriesAsync(scope, request, cancellationToken)).Select(s => s.Series).ToList();
        var points = new List<CutoffAuc>();
        foreach (var cutoff in new string?[] { null }.Concat(before))
        {
            var asOf = request with { Cutoff = cutoff, FeatureSeries = cutoff is null ? [] : null };
            try
            {
                var result = await RunAsync(store, scope, asOf, options, cancellationToken);
                points.Add(new CutoffAuc(cutoff ?? BeforeAnySeries, result.Report.Features, result.Report.Auc, null));
            }
            catch (RiskDataException e)
            {
                points.Add(new CutoffAuc(cutoff ?? BeforeAnySeries, 0, null, e.Message));
            }
        }

        return points;
    }

    private static async Task<RiskAnalysisResult> FitAsync(IGradeStore store, Scope scope, RiskRequest request, RiskOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var version = await store.GetDataVersionAsync(cancellationToken);
        var features = await store.GetRiskFeaturesAsync(scope, request, cancellationToken);
        var trained = RiskTrainer.Train(features.Training, options);
        var report = trained.Report;
        if (features.ConditionNumber is { } condition && condition > DesignCheck.MaximumCondition)
        {
            report = report with { OddsRatios = [], Warnings = [.. report.Warnings, DesignCheck.IllConditionedNote(condition)] };
        }

        // Every student's risk and reasons, in parallel: each row is read on its own.
        var x = features.Training.Features;
        var unscored = features.Unscored;
        var ranked = new StudentRisk[x.Rows + (unscored?.Rows ?? 0)];
        Parallel.For(0, ranked.Length, i =>
        {
            ranked[i] = i < x.Rows
                ? new StudentRisk(features.Training.StudentIds[i], trained.OutOfFoldRisk[i], features.Training.Outcome[i], Reasons(trained.Model, x.Row(i)))
                : new StudentRisk(features.UnscoredIds[i - x.Rows], trained.Model.Risk(unscored!.Row(i - x.Rows)), null, Reasons(trained.Model, unscored.Row(i - x.Rows)));
        });

        var summary = new RiskFeatureSummary(features.Request, features.Outcome, features.Threshold, features.FeatureSeries, x.Names, features.Notes, features.Missing);
        return new RiskAnalysisResult(summary, report, [.. ranked.OrderByDescending(r => r.Risk).ThenBy(r => r.StudentId, StringComparer.Ordinal)],
            new FittedOn(DateTimeOffset.UtcNow, version, clock.Elapsed.TotalSeconds));
    }

    /// <summary>What a kept result holds, roughly: each ranked student with three reasons, and the report.</summary>
    private static long Bytes(RiskAnalysisResult result) => 64_000 + (result.Ranked.Count * 400L) + (result.Report.OddsRatios.Count * 200L);

    private static List<FeatureContribution> Reasons(RiskModel model, ReadOnlySpan<double> row) => model.TopReasons(row, ReasonsPerStudent);
}

/// <summary>The Risk page's answer: what was predicted, from which features, the model's cross-validated evaluation, and when it was fitted.</summary>
public sealed record RiskView(
    string Series,
    string Subject,
    double Threshold,
    string Outcome,
    string? Cutoff,
    IReadOnlyList<string> FeatureSeries,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> Notes,
    IReadOnlyList<MissingValues> Missing,
    RiskReport Report,
    FittedOn Fitted)
{
    public static RiskView From(RiskAnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var f = result.Features;
        return new RiskView(f.Request.TargetSeries, f.Request.TargetSubject, f.Threshold, f.Outcome, f.Request.Cutoff, f.FeatureSeries, f.FeatureNames, f.Notes, f.Missing, result.Report, result.Fitted);
    }
}
