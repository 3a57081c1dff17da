using GradeLens.Core.Models;
using GradeLens.Core.Risk;

namespace GradeLens.Core.Clusters;

/// <summary>A cluster: its size and the mean z-score of its students on each column (the profile heatmap's row).</summary>
public sealed record ClusterProfile(int Cluster, int Students, IReadOnlyList<double> MeanZ, IReadOnlyList<double?> MeanScore);

/// <summary>The mean silhouette of the k-means partition into <see cref="K"/> clusters.</summary>
public sealed record SilhouetteScore(int K, double Silhouette);

/// <summary>Students grouped by their pattern of standardised scores.</summary>
/// <param name="Silhouettes">Mean silhouette for each k tried (2..8), on a sample of at most <see cref="ClusterAnalysis.SilhouetteSample"/> students.</param>
/// <param name="ChosenOnStudents">Students the candidate k were fitted on: all of them, or a seeded sample of
/// <see cref="ClusterAnalysis.SelectionSample"/> above that; the chosen k is then fitted on every student.</param>
public sealed record ClusterResult(
    string Series,
    IReadOnlyList<string> Columns,
    int K,
    bool KChosenBySilhouette,
    IReadOnlyList<SilhouetteScore> Silhouettes,
    IReadOnlyList<ClusterProfile> Clusters,
    IReadOnlyList<string> StudentIds,
    IReadOnlyList<int> Labels,
    int ChosenOnStudents);

public static class ClusterAnalysis
{
    public const int SilhouetteSample = 2_000;

    /// <summary>Above this many students, the seven candidate fits that choose k run on a seeded sample of this size (a national cohort took 20 s otherwise).</summary>
    public const int SelectionSample = 10_000;

    /// <summary>
    /// k-means on each student's scores standardised per column (missing scores set to the column mean, z = 0).
    /// k fixed by the caller, or the k in 2..8 with the highest mean silhouette. Clusters are numbered by size, largest first.
    /// </summary>
    public static ClusterResult Run(StudentTable table, int? k = null, int seed = 7)
    {
        ArgumentNullException.ThrowIfNull(table);
        var scores = table.Scores;
        if (scores.Columns < 2)
        {
            throw new RiskDataException($"'{table.Series}' has {scores.Columns} score column: clusters need at least two subjects or domains.");
        }

        var (means, scales) = Moments(scores);
        var z = new double[scores.Rows * scores.Columns];
        for (var i = 0; i < scores.Rows; i++)
        {
            for (var j = 0; j < scores.Columns; j++)
            {
                var v = scores[i, j];
                z[(i * scores.Columns) + j] = double.IsNaN(v) ? 0 : (v - means[j]) / scales[j];
            }
        }

        var standardised = new FeatureMatrix(scores.Names, z);
        var shuffled = Enumerable.Range(0, scores.Rows).ToArray();
        new Random(seed).Shuffle(shuffled);

        // Candidates are fitted on every student up to SelectionSample, else on the first SelectionSample of the shuffle;
        // the silhouette sample is the first SilhouetteSample of the same shuffle, as positions in the candidates' rows.
        var selection = k is null && scores.Rows > SelectionSample ? shuffled.Take(SelectionSample).Order().ToArray() : null;
        var candidates = selection is null ? standardised : RowsOf(standardised, selection);
        var sample = shuffled.Take(SilhouetteSample).Select(i => selection is null ? i : Array.BinarySearch(selection, i)).Order().ToArray();

        var silhouettes = new List<SilhouetteScore>();
        KMeansResult? chosen = null;
        if (k is { } fixedK)
        {
            chosen = KMeans.Fit(standardised, fixedK, seed);
        }
        else
        {
            var best = double.NegativeInfinity;
            for (var candidate = 2; candidate <= Math.Min(8, scores.Rows - 1); candidate++)
            {
                var fit = KMeans.Fit(candidates, candidate, seed);
                var s = Silhouette.Mean(candidates, fit.Labels, sample);
                silhouettes.Add(new SilhouetteScore(candidate, s));
                if (s > best)
                {
                    best = s;
                    chosen = fit;
                }
            }

            if (selection is not null && chosen is not null)
            {
                chosen = KMeans.Fit(standardised, chosen.K, seed);
            }
        }

        if (chosen is null)
        {
            throw new RiskDataException("Too few students to make clusters.");
        }

        // Renumber by size, largest first, so cluster 1 is the commonest pattern.
        var bySize = Enumerable.Range(0, chosen.K).OrderByDescending(m => chosen.Labels.Count(l => l == m)).ThenBy(m => m).ToArray();
        var rename = new int[chosen.K];
        for (var r = 0; r < bySize.Length; r++)
        {
            rename[bySize[r]] = r;
        }

        var labels = chosen.Labels.Select(l => rename[l]).ToArray();
        var profiles = Enumerable.Range(0, chosen.K).Select(m =>
        {
            var members = Enumerable.Range(0, labels.Length).Where(i => labels[i] == m).ToArray();
            var meanZ = Enumerable.Range(0, scores.Columns).Select(j => members.Average(i => standardised[i, j])).ToList();
            var meanScore = Enumerable.Range(0, scores.Columns).Select(j => members.Select(i => scores[i, j]).Where(v => !double.IsNaN(v)).Select(v => (double?)v).Average()).ToList();
            return new ClusterProfile(m + 1, members.Length, meanZ, meanScore);
        }).ToList();
        return new ClusterResult(table.Series, scores.Names, chosen.K, k is null, silhouettes, profiles, table.StudentIds, labels.Select(l => l + 1).ToArray(),
            selection?.Length ?? scores.Rows);
    }

    private static FeatureMatrix RowsOf(FeatureMatrix x, int[] rows)
    {
        var values = new double[rows.Length * x.Columns];
        for (var r = 0; r < rows.Length; r++)
        {
            x.Row(rows[r]).CopyTo(values.AsSpan(r * x.Columns, x.Columns));
        }

        return new FeatureMatrix(x.Names, values);
    }

    private static (double[] Means, double[] Scales) Moments(FeatureMatrix x)
    {
        var means = new double[x.Columns];
        var scales = new double[x.Columns];
        for (var j = 0; j < x.Columns; j++)
        {
            var values = Enumerable.Range(0, x.Rows).Select(i => x[i, j]).Where(v => !double.IsNaN(v)).ToArray();
            means[j] = values.Length > 0 ? values.Average() : 0;
            var sd = values.Length > 1 ? Math.Sqrt(values.Sum(v => (v - means[j]) * (v - means[j])) / values.Length) : 0;
            scales[j] = sd > 1e-12 ? sd : 1;
        }

        return (means, scales);
    }
}
