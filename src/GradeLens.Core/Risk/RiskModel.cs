using GradeLens.Core.Models;

namespace GradeLens.Core.Risk;

/// <summary>The model fitted on every student with an outcome, with its calibrator and the feature means used for reasons.</summary>
public sealed class RiskModel(LogisticModel model, Calibrator calibrator, IReadOnlyList<double> means)
{
    public LogisticModel Logistic => model;

    public Calibrator Calibrator => calibrator;

    public double Risk(ReadOnlySpan<double> row) => calibrator.Apply(model.Probability(row));

    /// <summary>Every feature's contribution to this row's log-odds, largest push towards risk first.</summary>
    public IReadOnlyList<FeatureContribution> Contributions(ReadOnlySpan<double> row)
    {
        var list = new List<FeatureContribution>(row.Length);
        for (var j = 0; j < row.Length; j++)
        {
            list.Add(new FeatureContribution(model.Names[j], row[j], model.Weights[j] * (row[j] - means[j])));
        }

        return [.. list.OrderByDescending(c => c.LogOdds)];
    }
}
