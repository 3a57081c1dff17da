using GradeLens.Core.Models;

namespace GradeLens.Core.Risk;

/// <summary>
/// What a risk model learns from: one row per student with an outcome (true = the bad outcome, e.g. below proficiency
/// on the Final), the features known before that assessment, and the protected attributes kept aside for the fairness view
/// (they are features only when the user includes them knowingly).
/// </summary>
public sealed record RiskData(
    FeatureMatrix Features,
    IReadOnlyList<bool> Outcome,
    IReadOnlyList<string> StudentIds,
    IReadOnlyList<GroupColumn> ProtectedGroups)
{
    public int Students => Outcome.Count;
}

/// <summary>A student attribute's value per row (null when the student has none recorded).</summary>
public sealed record GroupColumn(string Attribute, IReadOnlyList<string?> Values);

/// <param name="Folds">k of the stratified k-fold cross-validation.</param>
/// <param name="Seed">Seeds the folds: the same data and seed give the same figures.</param>
/// <param name="C">L2 strength on standardised features (scikit-learn's C); null for no penalty.</param>
/// <param name="MinimumGroupSize">Groups smaller than this are suppressed in the fairness view (raised to the caller's minimum cell size).</param>
public sealed record RiskOptions(
    int Folds = 5,
    int Seed = 20240601,
    double? C = 1.0,
    CalibrationMethod Calibration = CalibrationMethod.Platt,
    int ReliabilityBins = 10,
    int MinimumGroupSize = 10);
