using System.Globalization;
using GradeLens.Core.Models;

namespace GradeLens.Core.Areas;

/// <summary>Fits one of the compared models on training rows and predicts held-out rows.</summary>
internal static class AreaLearners
{
    public static string Name(AreaModelKind kind) => kind switch
    {
        AreaModelKind.OrdinaryLeastSquares => "OLS",
        AreaModelKind.Ridge => "Ridge",
        AreaModelKind.RandomForest => "Random forest",
        AreaModelKind.BoostedTrees => "Boosted trees",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The fixed settings of a model, as the page describes it.</summary>
    public static string Settings(AreaModelKind kind, int trees) => kind switch
    {
        AreaModelKind.OrdinaryLeastSquares => "intercept and one slope per measure",
        AreaModelKind.Ridge => "standardised inside each training set; penalty from " + string.Join(", ", RidgeRegression.DefaultAlphas.Select(Format)) + " by inner grouped CV",
        AreaModelKind.RandomForest => Format(trees) + " trees (ML.NET FastForest), at least 5 rows per leaf",
        AreaModelKind.BoostedTrees => string.Create(CultureInfo.InvariantCulture,
            $"{trees} trees of {BoostedTrees.DefaultLeaves} leaves (ML.NET FastTree), learning rate {BoostedTrees.DefaultLearningRate}, at least {BoostedTrees.DefaultMinimumLeafRows} rows per leaf"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Predictions for <paramref name="test"/> from a fit on <paramref name="train"/>, and the ridge penalty chosen (else null).</summary>
    /// <param name="innerFold">Per row, its grouped inner fold (ridge chooses its penalty on these, inside <paramref name="train"/>).</param>
    public static (double[] Predicted, double? Alpha) FitPredict(
        AreaModelKind kind, FeatureMatrix x, double[] y, int[] train, int[] test, int[] innerFold, AreaComparisonOptions options)
    {
        switch (kind)
        {
            case AreaModelKind.OrdinaryLeastSquares:
                return (RidgeRegression.Path(CentredGram.Of(x, y, train), [0.0])[0].Predict(x, test), null);
            case AreaModelKind.Ridge:
                var alpha = RidgeRegression.ChooseAlpha(x, y, train, innerFold, options.InnerFolds);
                return (RidgeRegression.Fit(x, y, train, alpha).Predict(x, test), alpha);
            case AreaModelKind.RandomForest:
                return (RandomForest.FitRegression(x, y, train, options.Seed, options.Trees).Predict(x, test), null);
            case AreaModelKind.BoostedTrees:
                return (BoostedTrees.FitRegression(x, y, train, options.Seed, options.Trees).Predict(x, test), null);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    public static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
