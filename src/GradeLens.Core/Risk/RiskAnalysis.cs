using GradeLens.Core.Storage;

namespace GradeLens.Core.Risk;

/// <summary>A trained, evaluated risk model and every student in scope ranked by calibrated risk.</summary>
/// <param name="Ranked">
/// Highest risk first. Students with an outcome carry their out-of-fold risk (from a model that never saw them);
/// students without one yet are scored by the model fitted on everyone. Reasons are the top contributions.
/// </param>
public sealed record RiskAnalysisResult(RiskFeatureSet Features, RiskReport Report, IReadOnlyList<StudentRisk> Ranked);

/// <summary>Reads the features from the store, trains and evaluates the model, and ranks the students.</summary>
public static class RiskAnalysis
{
    public const int ReasonsPerStudent = 3;

    public static async Task<RiskAnalysisResult> RunAsync(IGradeStore store, Scope scope, RiskRequest request, RiskOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scope);
        var features = await store.GetRiskFeaturesAsync(scope, request, cancellationToken);
        options ??= new RiskOptions();
        // The fairness view is an aggregate like any other: no group below the caller's minimum cell size.
        options = options with { MinimumGroupSize = Math.Max(options.MinimumGroupSize, scope.MinimumCellSize) };
        var trained = RiskTrainer.Train(features.Training, options);
        var ranked = new List<StudentRisk>(features.Training.Students + features.UnscoredIds.Count);
        var x = features.Training.Features;
        for (var i = 0; i < x.Rows; i++)
        {
            ranked.Add(new StudentRisk(features.Training.StudentIds[i], trained.OutOfFoldRisk[i], features.Training.Outcome[i], Reasons(trained.Model, x.Row(i))));
        }

        if (features.Unscored is { } unscored)
        {
            for (var i = 0; i < unscored.Rows; i++)
            {
                ranked.Add(new StudentRisk(features.UnscoredIds[i], trained.Model.Risk(unscored.Row(i)), null, Reasons(trained.Model, unscored.Row(i))));
            }
        }

        return new RiskAnalysisResult(features, trained.Report, [.. ranked.OrderByDescending(r => r.Risk).ThenBy(r => r.StudentId, StringComparer.Ordinal)]);
    }

    private static List<FeatureContribution> Reasons(RiskModel model, ReadOnlySpan<double> row) =>
        model.Contributions(row).Where(c => c.LogOdds > 0).Take(ReasonsPerStudent).ToList();
}

/// <summary>The Risk page's answer: what was predicted, from which features, and the model's cross-validated evaluation.</summary>
public sealed record RiskView(string Series, string Subject, double Threshold, IReadOnlyList<string> FeatureSeries, IReadOnlyList<string> Features, IReadOnlyList<string> Notes, RiskReport Report)
{
    public static RiskView From(RiskAnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var f = result.Features;
        return new RiskView(f.Request.TargetSeries, f.Request.TargetSubject, f.Threshold, f.FeatureSeries, f.Training.Features.Names, f.Notes, result.Report);
    }
}
