namespace GradeLens.Core.Models;

/// <summary>A k-means partition: cluster per row, centroids (row-major, k x columns) and the within-cluster sum of squares.</summary>
public sealed record KMeansResult(int K, int[] Labels, double[] Centroids, double Inertia, int Iterations);

/// <summary>
/// k-means (Lloyd's iterations) from k-means++ starts, several starts kept by the lowest within-cluster sum of squares.
/// Seeded: the same data and seed give the same clusters.
/// </summary>
public static class KMeans
{
    public static KMeansResult Fit(FeatureMatrix x, int k, int seed, int starts = 4, int maxIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (x.Rows < k)
        {
            throw new ArgumentException($"{x.Rows} rows cannot make {k} clusters.", nameof(k));
        }

        var random = new Random(seed);
        KMeansResult? best = null;
        for (var start = 0; start < starts; start++)
        {
            var result = Lloyd(x, k, PlusPlus(x, k, random), maxIterations);
            if (best is null || result.Inertia < best.Inertia)
            {
                best = result;
            }
        }

        return best!;
    }

    private static double[] PlusPlus(FeatureMatrix x, int k, Random random)
    {
        var c = x.Columns;
        var centroids = new double[k * c];
        x.Row(random.Next(x.Rows)).CopyTo(centroids.AsSpan(0, c));
        var nearest = new double[x.Rows];
        Array.Fill(nearest, double.PositiveInfinity);
        for (var m = 1; m < k; m++)
        {
            var previous = centroids.AsSpan((m - 1) * c, c);
            var total = 0.0;
            for (var i = 0; i < x.Rows; i++)
            {
                nearest[i] = Math.Min(nearest[i], SquaredDistance(x.Row(i), previous));
                total += nearest[i];
            }

            // Next centre: drawn with probability proportional to squared distance from the nearest chosen centre.
            var target = random.NextDouble() * total;
            var chosen = x.Rows - 1;
            for (var i = 0; i < x.Rows; i++)
            {
                target -= nearest[i];
                if (target <= 0)
                {
                    chosen = i;
                    break;
                }
            }

            x.Row(chosen).CopyTo(centroids.AsSpan(m * c, c));
        }

        return centroids;
    }

    private static KMeansResult Lloyd(FeatureMatrix x, int k, double[] centroids, int maxIterations)
    {
        var c = x.Columns;
        var labels = new int[x.Rows];
        Array.Fill(labels, -1);
        var iterations = 0;
        var inertia = 0.0;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            iterations = iteration;
            var changed = false;
            inertia = 0;
            for (var i = 0; i < x.Rows; i++)
            {
                var row = x.Row(i);
                var bestCluster = 0;
                var bestDistance = double.PositiveInfinity;
                for (var m = 0; m < k; m++)
                {
                    var d = SquaredDistance(row, centroids.AsSpan(m * c, c));
                    if (d < bestDistance)
                    {
                        bestDistance = d;
                        bestCluster = m;
                    }
                }

                changed |= labels[i] != bestCluster;
                labels[i] = bestCluster;
                inertia += bestDistance;
            }

            if (!changed)
            {
                break;
            }

            var sums = new double[k * c];
            var counts = new int[k];
            for (var i = 0; i < x.Rows; i++)
            {
                counts[labels[i]]++;
                var row = x.Row(i);
                for (var j = 0; j < c; j++)
                {
                    sums[(labels[i] * c) + j] += row[j];
                }
            }

            for (var m = 0; m < k; m++)
            {
                // An emptied cluster keeps its old centre.
                if (counts[m] > 0)
                {
                    for (var j = 0; j < c; j++)
                    {
                        centroids[(m * c) + j] = sums[(m * c) + j] / counts[m];
                    }
                }
            }
        }

        return new KMeansResult(k, labels, centroids, inertia, iterations);
    }

    internal static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            var d = a[j] - b[j];
            sum += d * d;
        }

        return sum;
    }
}
