using MathNet.Numerics.Distributions;

namespace GradeLens.Core.Models;

/// <summary>An area under the ROC curve with its DeLong standard error and a 95% interval (AUC ± 1.96 SE, clipped to [0, 1]).</summary>
public sealed record AucEstimate(double Auc, double StandardError, double Lower, double Upper, int Positives, int Negatives);

/// <summary>Scores of a binary classifier against the truth. Log-loss is in nats (natural log), as scikit-learn reports it.</summary>
public static class ClassifierMetrics
{
    /// <summary>Probabilities are clipped to [ε, 1 − ε] in the log-loss, as scikit-learn does.</summary>
    private const double Epsilon = 1e-15;

    /// <summary>
    /// The AUC: the chance a random positive scores above a random negative, ties counting half
    /// (the Mann–Whitney U over positives × negatives). Counted in half-units so the only rounding is one division.
    /// </summary>
    public static double Auc(IReadOnlyList<bool> y, IReadOnlyList<double> scores) => AucWithInterval(y, scores).Auc;

    /// <summary>
    /// The AUC with DeLong's variance (DeLong, DeLong and Clarke-Pearson 1988), from mid-ranks in O(n log n):
    /// each positive's share of negatives below it and each negative's share of positives above it.
    /// </summary>
    public static AucEstimate AucWithInterval(IReadOnlyList<bool> y, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(scores);
        var n = y.Count;
        var order = Enumerable.Range(0, n).ToArray();
        var keys = scores.ToArray();
        Array.Sort(keys, order);

        // Walk tied groups in score order: negatives strictly below, and ties, give each positive its placement.
        var positives = y.Count(v => v);
        var negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            return new AucEstimate(double.NaN, double.NaN, double.NaN, double.NaN, positives, negatives);
        }

        var positivePlacement = new double[positives];
        var negativePlacement = new double[negatives];
        long halfUnits = 0;
        long negativesBelow = 0;
        long positivesBelow = 0;
        var pi = 0;
        var ni = 0;
        for (var start = 0; start < n;)
        {
            var end = start;
            long tiedPositives = 0;
            long tiedNegatives = 0;
            while (end < n && keys[end] == keys[start])
            {
                if (y[order[end]])
                {
                    tiedPositives++;
                }
                else
                {
                    tiedNegatives++;
                }

                end++;
            }

            halfUnits += tiedPositives * ((2 * negativesBelow) + tiedNegatives);
            for (var t = 0; t < tiedPositives; t++)
            {
                positivePlacement[pi++] = (negativesBelow + (tiedNegatives / 2.0)) / negatives;
            }

            for (var t = 0; t < tiedNegatives; t++)
            {
                negativePlacement[ni++] = (positives - positivesBelow - tiedPositives + (tiedPositives / 2.0)) / positives;
            }

            negativesBelow += tiedNegatives;
            positivesBelow += tiedPositives;
            start = end;
        }

        var auc = halfUnits / (2.0 * positives * negatives);
        var variance = (Variance(positivePlacement, auc) / positives) + (Variance(negativePlacement, auc) / negatives);
        var se = Math.Sqrt(variance);
        var z = Normal.InvCDF(0, 1, 0.975);
        return new AucEstimate(auc, se, Math.Max(0, auc - (z * se)), Math.Min(1, auc + (z * se)), positives, negatives);
    }

    /// <summary>Mean squared difference between the probability and the 0/1 outcome.</summary>
    public static double Brier(IReadOnlyList<bool> y, IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(probabilities);
        var sum = 0.0;
        for (var i = 0; i < y.Count; i++)
        {
            var d = probabilities[i] - (y[i] ? 1 : 0);
            sum += d * d;
        }

        return sum / y.Count;
    }

    /// <summary>Mean negative log-likelihood in nats (natural log; ML.NET's Evaluate reports bits).</summary>
    public static double LogLoss(IReadOnlyList<bool> y, IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(probabilities);
        var sum = 0.0;
        for (var i = 0; i < y.Count; i++)
        {
            var p = Math.Clamp(probabilities[i], Epsilon, 1 - Epsilon);
            sum -= y[i] ? Math.Log(p) : Math.Log(1 - p);
        }

        return sum / y.Count;
    }

    /// <summary>Share of rows whose probability is on the right side of 0.5.</summary>
    public static double Accuracy(IReadOnlyList<bool> y, IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(probabilities);
        var right = 0;
        for (var i = 0; i < y.Count; i++)
        {
            right += (probabilities[i] >= 0.5) == y[i] ? 1 : 0;
        }

        return (double)right / y.Count;
    }

    private static double Variance(double[] placements, double mean)
    {
        if (placements.Length < 2)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var v in placements)
        {
            sum += (v - mean) * (v - mean);
        }

        return sum / (placements.Length - 1);
    }
}
