namespace GradeLens.Core.Gaps;

/// <summary>
/// Benjamini-Hochberg false discovery rate: the q-value of each p-value when all are tested together
/// (statsmodels' multipletests method "fdr_bh").
/// </summary>
public static class BenjaminiHochberg
{
    /// <summary>q_(i) = min over j >= i of p_(j) / (j / m), at most 1, returned in the input's order (computed in that order, so values match statsmodels bit for bit).</summary>
    public static double[] QValues(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var q = new double[m];
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var i = order[rank - 1];
            running = Math.Min(running, pValues[i] / ((double)rank / m));
            q[i] = running;
        }

        return q;
    }
}
