namespace GradeLens.Core.Models;

/// <summary>
/// The mean silhouette of a labelling: for each point, (b − a) / max(a, b), where a is its mean Euclidean distance to the
/// rest of its own cluster and b the smallest mean distance to another cluster; 0 for a point alone in its cluster.
/// Quadratic in the rows: callers pass a sample beyond a few thousand.
/// </summary>
public static class Silhouette
{
    public static double Mean(FeatureMatrix x, IReadOnlyList<int> labels, int[]? rows = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        var selected = rows ?? Enumerable.Range(0, x.Rows).ToArray();
        var clusters = selected.Select(i => labels[i]).Distinct().Order().ToArray();
        var index = clusters.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i);
        var sizes = new int[clusters.Length];
        foreach (var i in selected)
        {
            sizes[index[labels[i]]]++;
        }

        if (clusters.Length < 2)
        {
            return double.NaN;
        }

        var total = 0.0;
        var sums = new double[clusters.Length];
        foreach (var i in selected)
        {
            Array.Clear(sums);
            var row = x.Row(i);
            foreach (var j in selected)
            {
                if (i != j)
                {
                    sums[index[labels[j]]] += Distance(row, x.Row(j));
                }
            }

            var own = index[labels[i]];
            if (sizes[own] == 1)
            {
                continue;
            }

            var a = sums[own] / (sizes[own] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < clusters.Length; c++)
            {
                if (c != own)
                {
                    b = Math.Min(b, sums[c] / sizes[c]);
                }
            }

            total += (b - a) / Math.Max(a, b);
        }

        return total / selected.Length;
    }

    internal static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            var d = a[k] - b[k];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }
}
