namespace GradeLens.Core.Models;

/// <summary>
/// The sufficient statistics of a linear fit over some rows: column means, centred cross-products Σ(x−x̄)(x−x̄)ᵀ and
/// Σ(x−x̄)(y−ȳ), and Σ(y−ȳ)². Two passes (means first), so large columns such as incomes lose no precision.
/// </summary>
internal sealed record CentredGram(int N, double[] MeanX, double MeanY, double[,] Sxx, double[] Sxy, double Syy)
{
    public int Columns => MeanX.Length;

    public static CentredGram Of(FeatureMatrix x, IReadOnlyList<double> y, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(rows);
        var p = x.Columns;
        var n = rows.Count;
        var meanX = new double[p];
        double meanY = 0;
        for (var t = 0; t < n; t++)
        {
            var row = x.Row(rows[t]);
            for (var j = 0; j < p; j++)
            {
                meanX[j] += row[j];
            }

            meanY += y[rows[t]];
        }

        for (var j = 0; j < p; j++)
        {
            meanX[j] /= n;
        }

        meanY /= n;
        var sxx = new double[p, p];
        var sxy = new double[p];
        double syy = 0;
        Span<double> d = stackalloc double[p];
        for (var t = 0; t < n; t++)
        {
            var row = x.Row(rows[t]);
            for (var j = 0; j < p; j++)
            {
                d[j] = row[j] - meanX[j];
            }

            var dy = y[rows[t]] - meanY;
            syy += dy * dy;
            for (var j = 0; j < p; j++)
            {
                sxy[j] += d[j] * dy;
                for (var k = j; k < p; k++)
                {
                    sxx[j, k] += d[j] * d[k];
                }
            }
        }

        for (var j = 0; j < p; j++)
        {
            for (var k = 0; k < j; k++)
            {
                sxx[j, k] = sxx[k, j];
            }
        }

        return new CentredGram(n, meanX, meanY, sxx, sxy, syy);
    }
}
