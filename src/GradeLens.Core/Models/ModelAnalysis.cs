using GradeLens.Core.Risk;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Models;

/// <param name="Published">What an earlier study reported for the same outcome, to set the honest CV figure beside (null when there is none).</param>
public sealed record ModelView(IReadOnlyList<string> Scores, IReadOnlyList<string> Attributes, PredictionResult Result, PublishedFigure? Published);

public sealed record ModelColumns(string Series, IReadOnlyList<string> Scores, IReadOnlyList<string> Attributes, IReadOnlyList<string> Protected);

/// <summary>The Models page's entry points: a model of a series' table, and the columns to choose its outcome and features from.</summary>
public static class ModelAnalysis
{
    /// <summary>Predicts a score (OLS or a forest) or "below a score" (logistic or a forest) in a series (the latest when null). <see cref="RiskDataException"/> when it cannot.</summary>
    public static async Task<ModelView> RunAsync(IGradeStore store, Scope scope, string? series, PredictionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var table = await store.GetStudentTableAsync(scope, string.IsNullOrWhiteSpace(series) ? null : series, cancellationToken);
        var result = ScorePrediction.Run(table, request);
        return new ModelView(table.Scores.Names, table.AttributeNames, result, PublishedFigures.For(table, request.Outcome, request.Below));
    }

    /// <summary>The score columns and attributes of a series (the latest when null), protected ones named.</summary>
    public static async Task<ModelColumns> ColumnsAsync(IGradeStore store, Scope scope, string? series, CancellationToken cancellationToken = default)
    {
        var table = await store.GetStudentTableAsync(scope, string.IsNullOrWhiteSpace(series) ? null : series, cancellationToken);
        return new ModelColumns(table.Series, table.Scores.Names, table.AttributeNames, table.AttributeNames.Where(ProtectedAttributes.IsProtected).ToList());
    }
}
