namespace GradeLens.Core.Models;

public enum CalibrationMethod
{
    /// <summary>A logistic curve on the log-odds of the raw probability (Platt scaling): two parameters, smooth.</summary>
    Platt,

    /// <summary>A non-decreasing step function by pool-adjacent-violators, linear between steps: flexible, needs more students.</summary>
    Isotonic,
}

/// <summary>A map from raw model probability to calibrated probability, fitted on held-out (out-of-fold) predictions.</summary>
public sealed class Calibrator
{
    private readonly CalibrationMethod _method;
    private readonly double _slope;
    private readonly double _offset;
    private readonly double[] _x;
    private readonly double[] _y;

    private Calibrator(CalibrationMethod method, double slope, double offset, double[] x, double[] y)
    {
        _method = method;
        _slope = slope;
        _offset = offset;
        _x = x;
        _y = y;
    }

    public CalibrationMethod Method => _method;

    /// <summary>Platt: calibrated = σ(slope × logit(p) + offset).</summary>
    public double Slope => _slope;

    public double Offset => _offset;

    public static Calibrator Fit(CalibrationMethod method, IReadOnlyList<double> probabilities, IReadOnlyList<bool> y)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(y);
        if (method == CalibrationMethod.Platt)
        {
            var logits = new FeatureMatrix(["logit"], probabilities.Select(Logit).ToArray());
            var fit = LogisticRegression.Fit(logits, y, new LogisticOptions(MaxIterations: 50, Tolerance: 1e-9));
            return new Calibrator(method, fit.Weights[0], fit.Intercept, [], []);
        }

        var (x, v) = PoolAdjacentViolators(probabilities, y);
        return new Calibrator(method, 1, 0, x, v);
    }

    public double Apply(double probability)
    {
        if (_method == CalibrationMethod.Platt)
        {
            return LogisticModel.Sigmoid((_slope * Logit(probability)) + _offset);
        }

        if (probability <= _x[0])
        {
            return _y[0];
        }

        if (probability >= _x[^1])
        {
            return _y[^1];
        }

        var k = Array.BinarySearch(_x, probability);
        if (k >= 0)
        {
            return _y[k];
        }

        k = ~k;
        var t = (probability - _x[k - 1]) / (_x[k] - _x[k - 1]);
        return _y[k - 1] + (t * (_y[k] - _y[k - 1]));
    }

    public double[] Apply(IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var result = new double[probabilities.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Apply(probabilities[i]);
        }

        return result;
    }

    private static double Logit(double p)
    {
        var q = Math.Clamp(p, 1e-12, 1 - 1e-12);
        return Math.Log(q / (1 - q));
    }

    /// <summary>Isotonic regression of y on p: blocks of equal p are pooled first, then adjacent decreasing blocks merged.</summary>
    private static (double[] X, double[] Y) PoolAdjacentViolators(IReadOnlyList<double> p, IReadOnlyList<bool> y)
    {
        var order = Enumerable.Range(0, p.Count).OrderBy(i => p[i]).ToArray();
        var xs = new List<double>();
        var sums = new List<double>();
        var weights = new List<double>();
        foreach (var i in order)
        {
            var value = y[i] ? 1.0 : 0.0;
            if (xs.Count > 0 && xs[^1] == p[i])
            {
                sums[^1] += value;
                weights[^1] += 1;
            }
            else
            {
                xs.Add(p[i]);
                sums.Add(value);
                weights.Add(1);
            }
        }

        // Each block keeps its first x; merging keeps the left block's x and the pooled mean.
        var blockX = new List<double>();
        var blockSum = new List<double>();
        var blockWeight = new List<double>();
        var blockLastX = new List<double>();
        for (var i = 0; i < xs.Count; i++)
        {
            blockX.Add(xs[i]);
            blockLastX.Add(xs[i]);
            blockSum.Add(sums[i]);
            blockWeight.Add(weights[i]);
            while (blockX.Count > 1 && blockSum[^2] / blockWeight[^2] >= blockSum[^1] / blockWeight[^1])
            {
                blockSum[^2] += blockSum[^1];
                blockWeight[^2] += blockWeight[^1];
                blockLastX[^2] = blockLastX[^1];
                blockX.RemoveAt(blockX.Count - 1);
                blockSum.RemoveAt(blockSum.Count - 1);
                blockWeight.RemoveAt(blockWeight.Count - 1);
                blockLastX.RemoveAt(blockLastX.Count - 1);
            }
        }

        // A flat step from each block's first to last x, linear between blocks.
        var outX = new List<double>();
        var outY = new List<double>();
        for (var b = 0; b < blockX.Count; b++)
        {
            var mean = blockSum[b] / blockWeight[b];
            outX.Add(blockX[b]);
            outY.Add(mean);
            if (blockLastX[b] > blockX[b])
            {
                outX.Add(blockLastX[b]);
                outY.Add(mean);
            }
        }

        return ([.. outX], [.. outY]);
    }
}

/// <summary>One bin of a reliability diagram: students whose calibrated risk fell in [Lower, Upper).</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Students, double MeanPredicted, double ObservedRate);

public static class ReliabilityDiagram
{
    /// <summary>Equal-width bins over [0, 1]; empty bins are left out.</summary>
    public static IReadOnlyList<ReliabilityBin> Bins(IReadOnlyList<double> probabilities, IReadOnlyList<bool> y, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(y);
        var counts = new int[bins];
        var predicted = new double[bins];
        var observed = new double[bins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var b = Math.Min(bins - 1, (int)(probabilities[i] * bins));
            counts[b]++;
            predicted[b] += probabilities[i];
            observed[b] += y[i] ? 1 : 0;
        }

        return Enumerable.Range(0, bins).Where(b => counts[b] > 0)
            .Select(b => new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, counts[b], predicted[b] / counts[b], observed[b] / counts[b]))
            .ToList();
    }
}
