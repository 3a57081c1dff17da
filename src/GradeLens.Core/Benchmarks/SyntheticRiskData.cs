using GradeLens.Core.Models;

namespace GradeLens.Core.Benchmarks;

/// <summary>
/// The risk benchmark's data: N students x F numeric features (earlier scores, attendance-like columns), correlated
/// through a shared "ability" factor, and an outcome drawn from a known logistic model. Deterministic from the seed
/// (generated in fixed blocks, each with its own seeded generator, so in parallel and still reproducible).
/// </summary>
public static class SyntheticRiskData
{
    private const int Block = 16_384;

    /// <summary>The features, the outcome, and the true log-odds each outcome was drawn from (to check a fit against).</summary>
    public static (FeatureMatrix X, bool[] Y, double[] TrueLogOdds) Generate(int students, int features = 20, int seed = 11)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(students);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        var weights = Enumerable.Range(0, features).Select(j => (j % 2 == 0 ? -1.0 : 0.5) / (1 + (j / 4))).ToArray();
        var values = new double[(long)students * features];
        var y = new bool[students];
        var eta = new double[students];
        var blocks = (students + Block - 1) / Block;
        Parallel.For(0, blocks, block =>
        {
            var random = new Random(unchecked((seed * 1_000_003) + block));
            var end = Math.Min(students, (block + 1) * Block);
            for (var i = block * Block; i < end; i++)
            {
                var ability = Gaussian(random);
                var logOdds = -1.2;
                var offset = (long)i * features;
                for (var j = 0; j < features; j++)
                {
                    // Scores around 50 with spread 10, 60% shared ability; every fifth column a count (absences-like).
                    var z = (0.6 * ability) + (0.8 * Gaussian(random));
                    var value = j % 5 == 4 ? Math.Max(0, Math.Round(4 + (3 * z))) : 50 + (10 * z);
                    values[offset + j] = value;
                    logOdds += weights[j] * (j % 5 == 4 ? (value - 4) / 3 : (value - 50) / 10);
                }

                eta[i] = logOdds;
                y[i] = random.NextDouble() < LogisticModel.Sigmoid(logOdds);
            }
        });

        var names = Enumerable.Range(1, features).Select(j => $"x{j:00}").ToArray();
        return (new FeatureMatrix(names, values), y, eta);
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller, one of the pair.
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
