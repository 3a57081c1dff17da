using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;

namespace GradeLens.Core.Models;

/// <summary>A fitted logistic regression: log-odds = intercept + Σ weight × feature.</summary>
/// <param name="StandardErrors">Intercept first, then one per weight: square roots of the diagonal of the inverse Hessian at the fit (for a penalised fit, of the penalised Hessian).</param>
public sealed record LogisticModel(
    IReadOnlyList<string> Names,
    double Intercept,
    IReadOnlyList<double> Weights,
    IReadOnlyList<double> StandardErrors,
    int Iterations,
    bool Converged)
{
    public double LogOdds(ReadOnlySpan<double> row)
    {
        var eta = Intercept;
        for (var j = 0; j < row.Length; j++)
        {
            eta += Weights[j] * row[j];
        }

        return eta;
    }

    public double Probability(ReadOnlySpan<double> row) => Sigmoid(LogOdds(row));

    /// <summary>Probabilities for every row (or the given rows) of <paramref name="x"/>.</summary>
    public double[] Probabilities(FeatureMatrix x, int[]? rows = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        var count = rows?.Length ?? x.Rows;
        var p = new double[count];
        var weights = Weights.ToArray();
        Parallel.For(0, Chunks(count), chunk =>
        {
            var (start, end) = ChunkRange(count, chunk);
            for (var i = start; i < end; i++)
            {
                var row = x.Row(rows is null ? i : rows[i]);
                var eta = Intercept;
                for (var j = 0; j < row.Length; j++)
                {
                    eta += weights[j] * row[j];
                }

                p[i] = Sigmoid(eta);
            }
        });
        return p;
    }

    internal static double Sigmoid(double eta) => eta >= 0 ? 1.0 / (1.0 + Math.Exp(-eta)) : Math.Exp(eta) / (1.0 + Math.Exp(eta));

    internal static int Chunks(int count) => count < 20_000 ? 1 : Environment.ProcessorCount * 4;

    internal static (int Start, int End) ChunkRange(int count, int chunk)
    {
        var chunks = Chunks(count);
        return ((int)((long)count * chunk / chunks), (int)((long)count * (chunk + 1) / chunks));
    }
}

/// <summary>
/// Logistic regression by Newton's method (iteratively reweighted least squares), exact to rounding.
/// </summary>
/// <remarks>
/// Why not ML.NET's L-BFGS trainer here: it stops at an optimisation tolerance rather than at the maximum-likelihood
/// estimate (and by default adds L1 and L2 penalties in its own convention), and it exposes no Hessian, so it gives no
/// standard errors or odds-ratio intervals (those need Microsoft.ML.Mkl.Components, which is not available here).
/// Its 5-fold cross-validation on 1M x 20 was measured at about 7 s on this kind of machine (STACK-NOTES), over the
/// 5.7 s target. With a few dozen features Newton's method converges in a handful
/// of passes, each pass accumulating X'WX (vectorised, in parallel) and solving a small system with MathNet.Numerics.
/// On a million rows a fit starts from a fit on a 1-in-k sample, so only two or three passes read every row.
/// </remarks>
public static class LogisticRegression
{
    private const int WarmStartRows = 50_000;

    /// <summary>Fits <paramref name="y"/> (true = the outcome happened) on the rows of <paramref name="x"/>, or only on <paramref name="rows"/>.</summary>
    public static LogisticModel Fit(FeatureMatrix x, IReadOnlyList<bool> y, LogisticOptions? options = null, int[]? rows = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count != x.Rows)
        {
            throw new ArgumentException($"{y.Count} labels for {x.Rows} rows.", nameof(y));
        }

        options ??= LogisticOptions.Unpenalised;
        var labels = y as bool[] ?? [.. y];
        var selected = rows ?? Enumerable.Range(0, x.Rows).ToArray();
        var scaling = options.Standardise ? Scaling.Of(x, selected) : Scaling.Identity(x.Columns);
        var start = new double[x.Columns + 1];
        var iterations = 0;
        if (options.Start is { } from && from.Weights.Count == x.Columns && from.Weights.All(double.IsFinite) && double.IsFinite(from.Intercept))
        {
            // In the scaled coordinates z = (x - m) / s: intercept + Σ w·m, and w·s.
            start[0] = from.Intercept;
            for (var j = 0; j < x.Columns; j++)
            {
                start[0] += from.Weights[j] * scaling.Means[j];
                start[j + 1] = from.Weights[j] * scaling.Scales[j];
            }
        }
        else if (selected.Length > 4 * WarmStartRows)
        {
            // A close start from an evenly spaced sample: Newton then converges in two or three full passes.
            var step = selected.Length / WarmStartRows;
            var sample = Enumerable.Range(0, WarmStartRows).Select(i => selected[i * step]).ToArray();
            var warm = Newton(x, labels, sample, options with { Tolerance = 1e-6 }, start, scaling);
            start = warm.Beta;
            iterations = warm.Iterations;
        }

        var fit = Newton(x, labels, selected, options, start, scaling);

        // Back to the features' own units: β = A·β_scaled with A = [[1, -m/s], [0, diag(1/s)]]; covariance A·Σ·Aᵀ.
        var p = x.Columns + 1;
        var back = Matrix<double>.Build.Dense(p, p);
        back[0, 0] = 1;
        for (var j = 1; j < p; j++)
        {
            back[0, j] = -scaling.Means[j - 1] / scaling.Scales[j - 1];
            back[j, j] = 1 / scaling.Scales[j - 1];
        }

        var beta = back * Vector<double>.Build.DenseOfArray(fit.Beta);
        var covariance = back * fit.Hessian.Inverse() * back.Transpose();
        var errors = Enumerable.Range(0, p).Select(j => Math.Sqrt(covariance[j, j])).ToArray();
        return new LogisticModel(x.Names, beta[0], beta.Skip(1).ToArray(), errors, iterations + fit.Iterations, fit.Converged);
    }

    /// <summary>Centre and scale of each column; the identity when not standardising.</summary>
    private sealed record Scaling(double[] Means, double[] Scales)
    {
        public static Scaling Identity(int columns) => new(new double[columns], Enumerable.Repeat(1.0, columns).ToArray());

        public static Scaling Of(FeatureMatrix x, int[] rows)
        {
            var sums = new double[x.Columns];
            var squares = new double[x.Columns];
            foreach (var i in rows)
            {
                var row = x.Row(i);
                for (var j = 0; j < row.Length; j++)
                {
                    sums[j] += row[j];
                    squares[j] += row[j] * row[j];
                }
            }

            var means = sums.Select(s => s / rows.Length).ToArray();
            var scales = squares.Select((q, j) => Math.Sqrt(Math.Max(0, (q / rows.Length) - (means[j] * means[j])))).Select(s => s > 1e-12 ? s : 1.0).ToArray();
            return new Scaling(means, scales);
        }
    }

    /// <summary>Rows start..end of <paramref name="rows"/>, in blocks of <see cref="WeightedGram.BlockRows"/> so the Gram update reads each block once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static WeightedGram Accumulate(FeatureMatrix x, bool[] y, int[] rows, int start, int end, double[] beta, double[]? means, double[] inverse)
    {
        var p = x.Columns + 1;
        var width = WeightedGram.Width(p);
        var gram = new WeightedGram(p);
        var block = new double[WeightedGram.BlockRows * width];
        Span<double> b = stackalloc double[width];
        Span<double> r = stackalloc double[WeightedGram.BlockRows];
        Span<double> s = stackalloc double[WeightedGram.BlockRows];
        b.Clear();
        beta.CopyTo(b);
        var loss = 0.0;
        for (var first = start; first < end; first += WeightedGram.BlockRows)
        {
            var count = Math.Min(WeightedGram.BlockRows, end - first);
            for (var t = 0; t < count; t++)
            {
                var row = rows[first + t];
                var z = block.AsSpan(t * width, width);
                z[0] = 1.0;
                var features = x.Row(row);
                if (means is null)
                {
                    features.CopyTo(z[1..]);
                }
                else
                {
                    for (var j = 0; j < features.Length; j++)
                    {
                        z[j + 1] = (features[j] - means[j]) * inverse[j];
                    }
                }

                var eta = WeightedGram.Dot(b, z);
                var label = y[row] ? 1.0 : 0.0;

                // One exponential: e = exp(-|eta|) gives both the probability and log(1 + exp(eta)).
                var e = Math.Exp(-Math.Abs(eta));
                var probability = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
                loss += Math.Max(eta, 0) + Math.Log(1 + e) - (label * eta);
                r[t] = probability - label;
                s[t] = probability * (1 - probability);
            }

            gram.AddBlock(block, r, s, count);
        }

        gram.Loss = loss;
        return gram;
    }

    private sealed record NewtonResult(double[] Beta, Matrix<double> Hessian, int Iterations, bool Converged);

    private static NewtonResult Newton(FeatureMatrix x, bool[] y, int[] rows, LogisticOptions options, double[] start, Scaling scaling)
    {
        var p = x.Columns + 1;
        var penalty = options.C is { } c ? 1.0 / c : 0.0;
        var beta = (double[])start.Clone();
        var pass = Pass(x, y, rows, beta, penalty, scaling);
        var step = 1.0;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            var hessian = Matrix<double>.Build.DenseOfArray(pass.Hessian);
            var delta = hessian.Cholesky().Solve(Vector<double>.Build.DenseOfArray(pass.Gradient));
            var converged = true;
            var candidate = new double[p];
            for (var j = 0; j < p; j++)
            {
                candidate[j] = beta[j] - (step * delta[j]);
                converged &= Math.Abs(delta[j]) <= options.Tolerance * (1 + Math.Abs(beta[j]));
            }

            if (converged)
            {
                // The step is below the tolerance: take it; the Hessian one step back is the same to that tolerance.
                return new NewtonResult(candidate, hessian, iteration, true);
            }

            var next = Pass(x, y, rows, candidate, penalty, scaling);
            if (next.Objective > pass.Objective + (1e-12 * Math.Abs(pass.Objective)))
            {
                // Overshot (far from the optimum, or a separable direction): halve the step and retry from the same point.
                step /= 2;
                if (step < 1e-10)
                {
                    return new NewtonResult(beta, hessian, iteration, false);
                }

                continue;
            }

            beta = candidate;
            pass = next;
            step = 1.0;
        }

        return new NewtonResult(beta, Matrix<double>.Build.DenseOfArray(pass.Hessian), options.MaxIterations, false);
    }

    private sealed record PassResult(double Objective, double[] Gradient, double[,] Hessian);

    /// <summary>One pass over the rows: the penalised negative log-likelihood, its gradient and Hessian at <paramref name="beta"/>.</summary>
    private static PassResult Pass(FeatureMatrix x, bool[] y, int[] rows, double[] beta, double penalty, Scaling scaling)
    {
        var p = x.Columns + 1;
        var chunks = LogisticModel.Chunks(rows.Length);
        var partials = new WeightedGram[chunks];
        var standardise = !scaling.Means.All(m => m == 0) || !scaling.Scales.All(v => v == 1);
        var inverse = scaling.Scales.Select(v => 1 / v).ToArray();
        Parallel.For(0, chunks, chunk =>
        {
            var (start, end) = LogisticModel.ChunkRange(rows.Length, chunk);
            partials[chunk] = Accumulate(x, y, rows, start, end, beta, standardise ? scaling.Means : null, inverse);
        });

        var total = partials[0];
        for (var chunk = 1; chunk < chunks; chunk++)
        {
            total.Merge(partials[chunk]);
        }

        var hessian = total.Hessian();
        var gradient = total.Gradient();
        var objective = total.Loss;
        for (var j = 1; j < p; j++)
        {
            objective += penalty * beta[j] * beta[j] / 2;
            gradient[j] += penalty * beta[j];
            hessian[j, j] += penalty;
        }

        return new PassResult(objective, gradient, hessian);
    }
}
