using GradeLens.Core.Models;
using MathNet.Numerics.LinearAlgebra;

namespace GradeLens.Core.Areas;

/// <summary>
/// What an OLS fit needs from the measures alone, computed once for every score fitted on the same rows: the means,
/// ranges and centred cross-products S = Σ(x − x̄)(x − x̄)ᵀ, S⁻¹ (solved in the correlation scale, so incomes in tens
/// of thousands beside rates in units cost no precision), and the largest training leverage. <see cref="Refusal"/> is
/// set instead when the measures cannot give trustworthy coefficients.
/// </summary>
internal sealed class AreaDesign
{
    /// <summary>Above this condition number of the measures' correlation matrix the coefficients are not reported.</summary>
    public const double MaxConditionNumber = 1e10;

    private AreaDesign(FeatureMatrix x, int[] rows)
    {
        X = x;
        Rows = rows;
    }

    public FeatureMatrix X { get; }

    public int[] Rows { get; }

    public int N => Rows.Length;

    public double[] Means { get; private set; } = [];

    public double[,] Inverse { get; private set; } = new double[0, 0];

    public MeasureRange[] Ranges { get; private set; } = [];

    public double MaxLeverage { get; private set; }

    public string? Refusal { get; private set; }

    public static AreaDesign Of(FeatureMatrix x, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(rows);
        var design = new AreaDesign(x, rows);
        var p = x.Columns;
        if (rows.Length <= p + 1)
        {
            design.Refusal = $"{rows.Length} area-years cannot fit {p + 1} coefficients.";
            return design;
        }

        var (means, sxx, min, max) = Moments(x, rows);
        design.Means = means;
        design.Ranges = [.. x.Names.Select((name, j) => new MeasureRange(name, min[j], max[j]))];
        var scale = new double[p];
        for (var j = 0; j < p; j++)
        {
            scale[j] = Math.Sqrt(sxx[j, j]);
            if (!(max[j] > min[j]))
            {
                design.Refusal = $"{x.Names[j]} does not vary over these {rows.Length} area-years.";
                return design;
            }
        }

        var correlation = Matrix<double>.Build.Dense(p, p, (j, k) => sxx[j, k] / (scale[j] * scale[k]));
        var eigen = correlation.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).ToArray();
        if (eigen.Min() <= eigen.Max() / MaxConditionNumber)
        {
            design.Refusal = $"The measures {string.Join(", ", x.Names)} are collinear: their coefficients cannot be separated.";
            return design;
        }

        var inverse = correlation.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(p));
        design.Inverse = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            for (var k = 0; k < p; k++)
            {
                design.Inverse[j, k] = inverse[j, k] / (scale[j] * scale[k]);
            }
        }

        design.MaxLeverage = design.LargestLeverage();
        return design;
    }

    /// <summary>Means, ranges and centred cross-products in one pass, on values shifted by the first row (exact re-centring afterwards).</summary>
    private static (double[] Means, double[,] Sxx, double[] Min, double[] Max) Moments(FeatureMatrix x, int[] rows)
    {
        var p = x.Columns;
        var shift = x.Row(rows[0]).ToArray();
        var sum = new double[p];
        var cross = new double[p, p];
        var min = (double[])shift.Clone();
        var max = (double[])shift.Clone();
        Span<double> d = stackalloc double[p];
        foreach (var i in rows)
        {
            var row = x.Row(i);
            for (var j = 0; j < p; j++)
            {
                var v = row[j];
                d[j] = v - shift[j];
                sum[j] += d[j];
                min[j] = v < min[j] ? v : min[j];
                max[j] = v > max[j] ? v : max[j];
            }

            for (var j = 0; j < p; j++)
            {
                for (var k = j; k < p; k++)
                {
                    cross[j, k] += d[j] * d[k];
                }
            }
        }

        var n = rows.Length;
        var means = new double[p];
        for (var j = 0; j < p; j++)
        {
            means[j] = shift[j] + (sum[j] / n);
        }

        for (var j = 0; j < p; j++)
        {
            for (var k = j; k < p; k++)
            {
                cross[j, k] = cross[k, j] = cross[j, k] - (sum[j] * sum[k] / n);
            }
        }

        return (means, cross, min, max);
    }

    /// <summary>max over the rows of 1/n + (x − x̄)ᵀ S⁻¹ (x − x̄).</summary>
    private double LargestLeverage()
    {
        var p = X.Columns;
        var largest = 0.0;
        Span<double> d = stackalloc double[p];
        foreach (var i in Rows)
        {
            var row = X.Row(i);
            for (var j = 0; j < p; j++)
            {
                d[j] = row[j] - Means[j];
            }

            var h = 0.0;
            for (var j = 0; j < p; j++)
            {
                var sd = 0.0;
                for (var k = 0; k < p; k++)
                {
                    sd += Inverse[j, k] * d[k];
                }

                h += d[j] * sd;
            }

            largest = h > largest ? h : largest;
        }

        return largest + (1.0 / N);
    }
}
