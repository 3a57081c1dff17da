using GradeLens.Core.Models;

namespace GradeLens.Core.Areas;

/// <summary>
/// Which areas do better or worse than their circumstances predict. By default each area is predicted by the OLS
/// model fitted without any of its own years (its good years cannot pull the line towards it), with the 95% prediction
/// interval of that model: ŷ ± t·σ·√(1 + h). The leave-one-area-out fits come from the full cross-products minus the
/// area's own, so the cost is one pass over the rows whatever the number of areas.
/// </summary>
public static class BeatingTheOdds
{
    public static BeatingTheOddsResult Assess(AreaPanel panel, string score, IReadOnlyList<string> measures, bool leaveAreaOut = true)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(measures);
        var x = panel.Features(measures);
        var y = panel.ScoreColumn(score);
        var rows = panel.CompleteRows(measures, score);
        var method = leaveAreaOut
            ? "OLS fitted without the area's own years; 95% prediction interval of one area-year"
            : "OLS fitted on every area-year; 95% prediction interval of one area-year";
        var full = AreaRegression.Fit(x, y, rows, score);
        if (full.Model is null)
        {
            return new BeatingTheOddsResult(score, leaveAreaOut, method, null, null, full.Reason);
        }

        var residuals = new List<AreaResidual>(rows.Length);
        if (!leaveAreaOut)
        {
            foreach (var i in rows)
            {
                var p = full.Model.Predict(x.Row(i));
                residuals.Add(Residual(panel, i, y[i], p.Predicted, p.PredictionLower, p.PredictionUpper));
            }
        }
        else if (LeaveAreaOut(panel, x, y, rows, residuals) is { } refusal)
        {
            return new BeatingTheOddsResult(score, leaveAreaOut, method, null, null, refusal);
        }

        var areas = residuals.GroupBy(r => r.Area, StringComparer.Ordinal)
            .Select(g => Persistence([.. g]))
            .OrderByDescending(a => a.MeanResidual)
            .ToList();
        return new BeatingTheOddsResult(score, leaveAreaOut, method, residuals, areas, null);
    }

    private static string? LeaveAreaOut(AreaPanel panel, FeatureMatrix x, double[] y, int[] rows, List<AreaResidual> residuals)
    {
        var p = x.Columns;
        var gram = CentredGram.Of(x, y, rows);
        var byArea = rows.GroupBy(i => panel.Areas[i], StringComparer.Ordinal).ToList();
        var tCritical = new Dictionary<int, double>();
        var d = new double[p];
        foreach (var area in byArea)
        {
            // The area's own sums about the overall means: count, Σd, Σe, Σddᵀ, Σde, Σe².
            var own = area.ToArray();
            var sd = new double[p];
            var sdd = new double[p, p];
            var sde = new double[p];
            double se = 0, see = 0;
            foreach (var i in own)
            {
                Deviations(x, i, gram.MeanX, d);
                var e = y[i] - gram.MeanY;
                se += e;
                see += e * e;
                for (var j = 0; j < p; j++)
                {
                    sd[j] += d[j];
                    sde[j] += d[j] * e;
                    for (var k = 0; k < p; k++)
                    {
                        sdd[j, k] += d[j] * d[k];
                    }
                }
            }

            // The rest: totals minus the area's own, re-centred on the rest's means (whose offsets are −Σd/n', −Σe/n').
            var n = gram.N - own.Length;
            var df = n - p - 1;
            if (df < 1)
            {
                return $"Without {area.Key}, {n} area-years are too few to predict it.";
            }

            var sxx = new double[p, p];
            var sxy = new double[p];
            for (var j = 0; j < p; j++)
            {
                sxy[j] = gram.Sxy[j] - sde[j] - (sd[j] * se / n);
                for (var k = 0; k < p; k++)
                {
                    sxx[j, k] = gram.Sxx[j, k] - sdd[j, k] - (sd[j] * sd[k] / n);
                }
            }

            var inverse = SmallSymmetric.Inverse(sxx);
            if (inverse is null)
            {
                return $"Without {area.Key}, the measures are collinear.";
            }

            var slopes = new double[p];
            var meanX = new double[p];
            for (var j = 0; j < p; j++)
            {
                meanX[j] = gram.MeanX[j] - (sd[j] / n);
                for (var k = 0; k < p; k++)
                {
                    slopes[j] += inverse[j, k] * sxy[k];
                }
            }

            var meanY = gram.MeanY - (se / n);
            var syy = gram.Syy - see - (se * se / n);
            var rss = syy - slopes.Select((b, j) => b * sxy[j]).Sum();
            var sigma = Math.Sqrt(Math.Max(rss, 0) / df);
            if (!tCritical.TryGetValue(df, out var t))
            {
                tCritical[df] = t = StudentQuantile.TwoSided(df);
            }

            foreach (var i in own)
            {
                Deviations(x, i, meanX, d);
                double predicted = meanY, h = 1.0 / n;
                for (var j = 0; j < p; j++)
                {
                    predicted += slopes[j] * d[j];
                    for (var k = 0; k < p; k++)
                    {
                        h += d[j] * inverse[j, k] * d[k];
                    }
                }

                var half = t * sigma * Math.Sqrt(1 + h);
                residuals.Add(Residual(panel, i, y[i], predicted, predicted - half, predicted + half));
            }
        }

        residuals.Sort((a, b) => a.Year != b.Year ? a.Year.CompareTo(b.Year) : string.CompareOrdinal(a.Area, b.Area));
        return null;
    }

    private static void Deviations(FeatureMatrix x, int row, double[] means, double[] d)
    {
        var values = x.Row(row);
        for (var j = 0; j < d.Length; j++)
        {
            d[j] = values[j] - means[j];
        }
    }

    private static AreaResidual Residual(AreaPanel panel, int row, double actual, double predicted, double lower, double upper)
    {
        var verdict = actual > upper ? Expectation.Above : actual < lower ? Expectation.Below : Expectation.Within;
        return new AreaResidual(panel.Areas[row], panel.Parents[row], panel.Years[row], actual, predicted, lower, upper, actual - predicted, verdict);
    }

    private static AreaPersistence Persistence(IReadOnlyList<AreaResidual> years)
    {
        var above = years.Count(r => r.Verdict == Expectation.Above);
        var below = years.Count(r => r.Verdict == Expectation.Below);
        var verdict = above >= 2 && above * 2 > years.Count ? Expectation.Above
            : below >= 2 && below * 2 > years.Count ? Expectation.Below
            : Expectation.Within;
        return new AreaPersistence(years[0].Area, years[0].ParentArea, years.Count, above, below, years.Count - above - below, years.Average(r => r.Residual), verdict);
    }
}
