using System.Globalization;

namespace GradeLens.Core.Areas;

/// <summary>One coefficient of an area model: estimate, standard error, t, two-sided p and its 95% confidence interval.</summary>
public sealed record AreaCoefficient(string Name, double Estimate, double StandardError, double T, double P, double Lower, double Upper);

/// <summary>The smallest and largest value of a measure among the rows a model was fitted on.</summary>
public sealed record MeasureRange(string Measure, double Min, double Max);

/// <summary>
/// A prediction for one set of measures: the predicted score, the 95% confidence interval of the mean score of areas
/// with these figures, the 95% prediction interval of one area's score, the leverage x₀ᵀ(XᵀX)⁻¹x₀, and whether (and
/// why) the input lies beyond what the model was fitted on.
/// </summary>
public sealed record AreaPrediction(
    string Score,
    double Predicted,
    double MeanLower,
    double MeanUpper,
    double PredictionLower,
    double PredictionUpper,
    double Leverage,
    bool Extrapolated,
    IReadOnlyList<string> ExtrapolationReasons);

/// <summary>
/// An ordinary least-squares fit of one score on the chosen measures (intercept "const" first), with what a prediction
/// needs: (XᵀX)⁻¹ (intercept first), the residual variance, the training ranges and the largest training leverage.
/// </summary>
public sealed record AreaModel(
    string Score,
    IReadOnlyList<string> Measures,
    int N,
    int DegreesOfFreedom,
    IReadOnlyList<AreaCoefficient> Coefficients,
    double RSquared,
    double AdjustedRSquared,
    double ResidualStandardError,
    double ResidualVariance,
    IReadOnlyList<IReadOnlyList<double>> XtxInverse,
    IReadOnlyList<double> Means,
    IReadOnlyList<MeasureRange> Ranges,
    double MaxTrainingLeverage,
    double TCritical)
{
    public const string InterceptName = "const";

    /// <summary>The fitted value for measures given in <see cref="Measures"/> order.</summary>
    public double Fitted(ReadOnlySpan<double> measures)
    {
        var value = Coefficients[0].Estimate;
        for (var j = 0; j < measures.Length; j++)
        {
            value += Coefficients[j + 1].Estimate * measures[j];
        }

        return value;
    }

    /// <summary>
    /// The leverage x₀ᵀ(XᵀX)⁻¹x₀ of an input, computed in centred form 1/n + (x₀ − x̄)ᵀ S⁻¹ (x₀ − x̄), where S⁻¹ is
    /// the measures' block of (XᵀX)⁻¹ (the same number, without the cancellation of large incomes).
    /// </summary>
    public double Leverage(ReadOnlySpan<double> measures)
    {
        var h = 1.0 / N;
        for (var j = 0; j < measures.Length; j++)
        {
            var dj = measures[j] - Means[j];
            for (var k = 0; k < measures.Length; k++)
            {
                h += dj * XtxInverse[j + 1][k + 1] * (measures[k] - Means[k]);
            }
        }

        return h;
    }

    /// <summary>The prediction for an input holding every one of <see cref="Measures"/> (finite values; validate user input first).</summary>
    public AreaPrediction Predict(IReadOnlyDictionary<string, double> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var values = new double[Measures.Count];
        for (var j = 0; j < values.Length; j++)
        {
            if (!input.TryGetValue(Measures[j], out values[j]) || !double.IsFinite(values[j]))
            {
                throw new ArgumentException($"The input has no finite value for {Measures[j]}.", nameof(input));
            }
        }

        return Predict(values);
    }

    /// <summary>The prediction for measures given in <see cref="Measures"/> order.</summary>
    public AreaPrediction Predict(ReadOnlySpan<double> measures)
    {
        if (measures.Length != Measures.Count)
        {
            throw new ArgumentException($"{measures.Length} values for {Measures.Count} measures.", nameof(measures));
        }

        var predicted = Fitted(measures);
        var h = Leverage(measures);
        var mean = TCritical * ResidualStandardError * Math.Sqrt(h);
        var single = TCritical * ResidualStandardError * Math.Sqrt(1 + h);
        var reasons = new List<string>();
        for (var j = 0; j < measures.Length; j++)
        {
            var range = Ranges[j];
            if (measures[j] < range.Min || measures[j] > range.Max)
            {
                reasons.Add(Text($"{range.Measure} {measures[j]:G6} is outside the range the model was fitted on ({range.Min:G6} to {range.Max:G6})."));
            }
        }

        if (h > MaxTrainingLeverage)
        {
            reasons.Add(Text($"The leverage {h:G4} is above the largest of the rows the model was fitted on ({MaxTrainingLeverage:G4}): an unusual combination of figures."));
        }

        return new AreaPrediction(Score, predicted, predicted - mean, predicted + mean, predicted - single, predicted + single, h, reasons.Count > 0, reasons);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
