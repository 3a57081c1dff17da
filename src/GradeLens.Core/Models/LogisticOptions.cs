namespace GradeLens.Core.Models;

/// <summary>How to fit a logistic regression.</summary>
/// <param name="C">
/// Inverse L2 strength in scikit-learn's convention: minimise the summed log-loss plus ||w||² / (2C), the intercept
/// unpenalised. Null for the unpenalised maximum-likelihood fit.
/// </param>
/// <param name="MaxIterations">Newton steps at most (each is one pass over the rows).</param>
/// <param name="Tolerance">Stop when no coefficient moves by more than this times (1 + its size).</param>
/// <param name="Standardise">
/// Fit on features centred and scaled by the training rows' means and standard deviations (computed on the fly, no
/// copy), so the penalty treats every feature alike; the model is returned in the features' own units either way.
/// </param>
/// <param name="Start">
/// A fit to start Newton's method from (a cross-validation fold starts from the model fitted on every row: the same
/// convex objective on most of the same rows, so it converges in a few passes to the fold's own optimum). Null: from zero.
/// </param>
public sealed record LogisticOptions(double? C = null, int MaxIterations = 100, double Tolerance = 1e-10, bool Standardise = false, LogisticModel? Start = null)
{
    public static LogisticOptions Unpenalised { get; } = new();
}
