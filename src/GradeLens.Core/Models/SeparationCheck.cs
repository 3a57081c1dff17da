using System.Globalization;

namespace GradeLens.Core.Models;

/// <summary>
/// Finds features whose maximum-likelihood odds ratio is infinite: a 0/1 column one of whose values only students with
/// (or only without) the outcome have, or a number above (or below) which every student has the outcome. A penalised
/// fit still gives such a feature a finite coefficient, but that number is the penalty's, not the data's: it is not shown.
/// </summary>
public static class SeparationCheck
{
    /// <summary>Per column, why its odds ratio is infinite, or null.</summary>
    public static IReadOnlyList<string?> Reasons(FeatureMatrix x, IReadOnlyList<bool> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var p = x.Columns;
        var binary = Enumerable.Repeat(true, p).ToArray();
        var ones = new int[p];
        var onesPositive = new int[p];
        var minPositive = Enumerable.Repeat(double.PositiveInfinity, p).ToArray();
        var maxPositive = Enumerable.Repeat(double.NegativeInfinity, p).ToArray();
        var minNegative = Enumerable.Repeat(double.PositiveInfinity, p).ToArray();
        var maxNegative = Enumerable.Repeat(double.NegativeInfinity, p).ToArray();
        var positives = 0;
        for (var i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            positives += y[i] ? 1 : 0;
            for (var j = 0; j < p; j++)
            {
                var v = row[j];
                binary[j] &= v is 0 or 1;
                if (v == 1)
                {
                    ones[j]++;
                    onesPositive[j] += y[i] ? 1 : 0;
                }

                if (y[i])
                {
                    minPositive[j] = Math.Min(minPositive[j], v);
                    maxPositive[j] = Math.Max(maxPositive[j], v);
                }
                else
                {
                    minNegative[j] = Math.Min(minNegative[j], v);
                    maxNegative[j] = Math.Max(maxNegative[j], v);
                }
            }
        }

        var negatives = x.Rows - positives;
        return Enumerable.Range(0, p).Select(j =>
        {
            if (binary[j])
            {
                var (withOnes, withoutOnes) = (onesPositive[j], ones[j] - onesPositive[j]);
                var (withZeros, withoutZeros) = (positives - withOnes, negatives - withoutOnes);
                return (withOnes == 0 || withoutOnes == 0) && ones[j] > 0 ? Pure(x.Names[j], ones[j], withOnes > 0, "with")
                    : (withZeros == 0 || withoutZeros == 0) && ones[j] < x.Rows ? Pure(x.Names[j], x.Rows - ones[j], withZeros > 0, "without")
                    : null;
            }

            return maxPositive[j] < minNegative[j] || maxNegative[j] < minPositive[j]
                ? $"Not shown: '{x.Names[j]}' separates the outcome completely (every student on one side of a value has it, none on the other), so its odds ratio is infinite; check it is not the outcome in disguise."
                : null;
        }).ToList();
    }

    private static string Pure(string name, int students, bool haveOutcome, string side) => string.Create(CultureInfo.InvariantCulture,
        $"Not shown: all {students} students {side} '{name}' {(haveOutcome ? "have" : "lack")} the outcome, so it separates the outcome and its odds ratio is infinite; check it is not the outcome in disguise.");
}
