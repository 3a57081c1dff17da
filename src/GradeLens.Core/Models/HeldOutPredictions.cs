namespace GradeLens.Core.Models;

/// <summary>The Models page's cross-validation helpers: a fold's least-squares predictor, and the held-out rows with a feature shuffled (permutation importance).</summary>
internal static class HeldOutPredictions
{
    /// <summary>
    /// A fold's least-squares predictor. Only its predictions are used, so it is solved from the fold's centred
    /// sufficient statistics (a p x p system; the same coefficients as QR to rounding on a full-rank design) rather
    /// than by QR of the fold's n x p design, which at 100,000 students took most of the Models page's first answer.
    /// A fold whose system is singular (a level absent from its training rows) falls back to QR.
    /// </summary>
    internal static Func<FeatureMatrix, int[], double[]> FoldLeastSquares(FeatureMatrix x, double[] y, int[] train)
    {
        var fit = RidgeRegression.Fit(x, y, train, 0);
        if (double.IsFinite(fit.Intercept) && fit.Slopes.All(double.IsFinite))
        {
            return fit.Predict;
        }

        var qr = OrdinaryLeastSquares.Fit(x, y, train);
        return (m, rows) => [.. rows.Select(i => qr.Predict(m.Row(i)))];
    }

    /// <summary>
    /// The held-out <paramref name="rows"/> of <paramref name="x"/> alone, in order, with <paramref name="columns"/>
    /// shuffled together among them: only those rows are predicted, so the training rows are not copied (at 100,000
    /// students a whole copy per feature and fold was most of the Models page's fit).
    /// </summary>
    internal static FeatureMatrix PermutedTestRows(FeatureMatrix x, int[] rows, int[] columns, Random random)
    {
        var order = Positions(rows.Length);
        random.Shuffle(order);
        return x.Subset(rows).WithColumnsPermuted(columns, order);
    }

    internal static int[] Positions(int count) => [.. Enumerable.Range(0, count)];
}
