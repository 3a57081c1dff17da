using System.Diagnostics;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Models;

/// <param name="Published">What an earlier study reported for the same outcome, to set the honest CV figure beside (null when there is none).</param>
/// <param name="Fitted">When and at which data version the kept model was fitted.</param>
public sealed record ModelView(IReadOnlyList<string> Scores, IReadOnlyList<string> Attributes, PredictionResult Result, PublishedFigure? Published, FittedOn Fitted);

/// <param name="ScoreStudents">Per score column, the students who have it (the outcome menu opens on the largest).</param>
/// <param name="Usable">Attributes a model can use as they are (not protected, 2 to <see cref="FeatureBuilder.MaximumLevels"/> values or a number): the features ticked at first.</param>
/// <param name="DefaultOutcome">The score the page opens on: the one most students have.</param>
/// <param name="DefaultFeatures">The features the page opens on, in order: the usable attributes, or the other scores when there are none.</param>
public sealed record ModelColumns(
    string Series,
    IReadOnlyList<string> Scores,
    IReadOnlyList<string> Attributes,
    IReadOnlyList<string> Protected,
    IReadOnlyList<int> ScoreStudents,
    IReadOnlyList<string> Usable,
    string? DefaultOutcome,
    IReadOnlyList<string> DefaultFeatures)
{
    /// <summary>The request the Models page opens on (null when the series has no score).</summary>
    public PredictionRequest? DefaultRequest => DefaultOutcome is { } outcome && DefaultFeatures.Count > 0 ? new PredictionRequest(outcome, DefaultFeatures) : null;
}

/// <summary>The Models page's entry points: a model of a series' table (kept until the data changes), and the columns to choose its outcome and features from.</summary>
public static class ModelAnalysis
{
    /// <summary>Predicts a score (OLS or a forest) or "below a score" (logistic or a forest) in a series (the latest when null). <see cref="RiskDataException"/> when it cannot.</summary>
    public static Task<ModelView> RunAsync(IGradeStore store, Scope scope, string? series, PredictionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chosen = string.IsNullOrWhiteSpace(series) ? null : series;
        return store.KeptModelAsync(AnswerKey.For("models.model", scope, chosen, request), async token =>
        {
            var clock = Stopwatch.StartNew();
            var version = await store.GetDataVersionAsync(token);
            var table = await store.GetStudentTableAsync(scope, chosen, token);
            var result = ScorePrediction.Run(table, request);
            return new ModelView(table.Scores.Names, table.AttributeNames, result, PublishedFigures.For(table, request.Outcome, request.Below),
                new FittedOn(DateTimeOffset.UtcNow, version, clock.Elapsed.TotalSeconds));
        }, view => 16_000 + (view.Result.Importance.Count * 300L) + ((view.Result.OddsRatios?.Count ?? view.Result.Ols?.Coefficients.Count ?? 0) * 200L), cancellationToken);
    }

    /// <summary>The score columns and attributes of a series (the latest when null), protected ones named.</summary>
    public static async Task<ModelColumns> ColumnsAsync(IGradeStore store, Scope scope, string? series, CancellationToken cancellationToken = default)
    {
        var table = await store.GetStudentTableAsync(scope, string.IsNullOrWhiteSpace(series) ? null : series, cancellationToken);
        var counts = Enumerable.Range(0, table.Scores.Columns).Select(j => Enumerable.Range(0, table.Scores.Rows).Count(i => !double.IsNaN(table.Scores[i, j]))).ToList();
        var usable = table.AttributeNames.Where((a, j) => !ProtectedAttributes.IsProtected(a) && Usable(table.Attributes[j])).ToList();
        var outcome = counts.Count == 0 ? null : table.Scores.Names[counts.IndexOf(counts.Max())];
        var defaults = usable.Count > 0 ? usable : table.Scores.Names.Where(n => n != outcome).ToList();
        return new ModelColumns(table.Series, table.Scores.Names, table.AttributeNames, table.AttributeNames.Where(ProtectedAttributes.IsProtected).ToList(), counts, usable, outcome, defaults);
    }

    private static bool Usable(IReadOnlyList<string?> values)
    {
        var column = RawColumn.FromText("", values);
        if (column.Numbers is { } numbers)
        {
            return numbers.Where(v => !double.IsNaN(v)).Distinct().Take(2).Count() == 2;
        }

        var levels = values.Where(v => v is not null).Distinct(StringComparer.Ordinal).Take(FeatureBuilder.MaximumLevels + 1).Count();
        return levels is >= 2 and <= FeatureBuilder.MaximumLevels;
    }
}
