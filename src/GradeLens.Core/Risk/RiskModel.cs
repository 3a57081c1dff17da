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

    /// <summary>
    /// The <paramref name="count"/> largest contributions that push towards risk (log-odds above 0), largest first, ties in
    /// feature order: the same as the first of <see cref="Contributions"/> above 0, without sorting every feature.
    /// </summary>
    public List<FeatureContribution> TopReasons(ReadOnlySpan<double> row, int count)
    {
        Span<int> top = stackalloc int[Math.Max(count, 1)];
        var found = 0;
        for (var j = 0; j < row.Length; j++)
        {
            var push = model.Weights[j] * (row[j] - means[j]);
            if (!(push > 0))
            {
                continue;
            }

            // Insert after every kept one at least as large (so an earlier feature stays ahead of an equal one).
            var at = found;
            while (at > 0 && model.Weights[top[at - 1]] * (row[top[at - 1]] - means[top[at - 1]]) < push)
            {
                at--;
            }

            if (at >= count)
            {
                continue;
            }

            for (var k = Math.Min(found, count - 1); k > at; k--)
            {
                top[k] = top[k - 1];
            }

            top[at] = j;
            found = Math.Min(found + 1, count);
        }

        var reasons = new List<FeatureContribution>(found);
        for (var k = 0; k < found; k++)
        {
            var j = top[k];
            reasons.Add(new FeatureContribution(model.Names[j], row[j], model.Weights[j] * (row[j] - means[j])));
        }

        return reasons;
    }
}
