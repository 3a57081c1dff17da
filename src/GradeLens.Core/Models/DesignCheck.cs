using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace GradeLens.Core.Models;

/// <summary>Which columns of a design are kept, why the others were left out, and how well conditioned the kept ones are.</summary>
public sealed record DesignCheckResult(IReadOnlyList<int> Kept, IReadOnlyList<string> Notes, double? ConditionNumber);

/// <summary>
/// Finds the columns a linear model cannot separate from the others: a column that never varies, or one that is a
/// combination of earlier columns (gender coded both "M/F" and "male/female", a level of one category that is another
/// category's level) is left out, with a note naming the column it repeats. The condition number of the kept columns'
/// correlation matrix says whether their coefficients can be trusted.
/// </summary>
public static class DesignCheck
{
    /// <summary>Above this condition number the coefficients (odds ratios) are flagged, not shown: some columns nearly repeat others.</summary>
    public const double MaximumCondition = 1e7;

    /// <summary>A column whose variance is this fraction or less outside the span of the earlier ones repeats them.</summary>
    private const double RedundantShare = 1e-8;

    /// <summary>Rows the cross-products are taken over, evenly spaced (an exact repeat shows in any of them).</summary>
    private const int SampleRows = 200_000;

    public static DesignCheckResult Run(FeatureMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var p = x.Columns;
        var rows = x.Rows <= SampleRows ? Enumerable.Range(0, x.Rows).ToArray() : Enumerable.Range(0, SampleRows).Select(i => (int)((long)i * x.Rows / SampleRows)).ToArray();
        var gram = CentredGram.Of(x, new double[x.Rows], rows).Sxx;
        var notes = new List<string>();
        var kept = new List<int>();

        // Cholesky of the correlation matrix in column order: column j's remaining variance after the kept columns.
        var factor = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            if (gram[j, j] <= 1e-12 * Math.Max(1, rows.Length))
            {
                notes.Add($"'{x.Names[j]}' never varies: left out.");
                continue;
            }

            var residual = 1.0;
            foreach (var k in kept)
            {
                residual -= factor[j, k] * factor[j, k];
            }

            if (residual <= RedundantShare)
            {
                var partner = kept.MaxBy(k => Math.Abs(Correlation(gram, j, k)));
                var same = Math.Abs(Math.Abs(Correlation(gram, j, partner)) - 1) < 1e-9;
                notes.Add(same
                    ? $"'{x.Names[j]}' carries the same information as '{x.Names[partner]}': left out (the two cannot be told apart)."
                    : $"'{x.Names[j]}' is a combination of other columns (such as '{x.Names[partner]}'): left out, it cannot be told apart from them.");
                continue;
            }

            var pivot = Math.Sqrt(residual);
            factor[j, j] = pivot;
            for (var i = j + 1; i < p; i++)
            {
                if (gram[i, i] <= 1e-12 * Math.Max(1, rows.Length))
                {
                    continue;
                }

                var value = Correlation(gram, i, j);
                foreach (var k in kept)
                {
                    value -= factor[i, k] * factor[j, k];
                }

                factor[i, j] = value / pivot;
            }

            kept.Add(j);
        }

        return new DesignCheckResult(kept, notes, Condition(gram, kept));
    }

    /// <summary>A note for a model whose coefficients are not shown because of <paramref name="condition"/>.</summary>
    public static string IllConditionedNote(double condition) => string.Create(CultureInfo.InvariantCulture,
        $"The features nearly repeat one another (condition number {condition:0.#e0}, above {MaximumCondition:0e0}): coefficients and odds ratios cannot be trusted and are not shown; the cross-validated figures stand.");

    private static double Correlation(double[,] gram, int a, int b) => gram[a, b] / Math.Sqrt(gram[a, a] * gram[b, b]);

    private static double? Condition(double[,] gram, List<int> kept)
    {
        if (kept.Count < 2)
        {
            return null;
        }

        var correlation = Matrix<double>.Build.Dense(kept.Count, kept.Count, (a, b) => Correlation(gram, kept[a], kept[b]));
        var eigen = correlation.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Select(v => v.Real).ToArray();
        var smallest = eigen.Min();
        return smallest <= 0 ? double.MaxValue : eigen.Max() / smallest;
    }
}
