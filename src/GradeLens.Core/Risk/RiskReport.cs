using GradeLens.Core.Models;

namespace GradeLens.Core.Risk;

/// <summary>
/// How good the at-risk model is, measured honestly: every figure except the odds ratios comes from out-of-fold
/// predictions (each student scored by a model that never saw them). The AUC interval is DeLong's.
/// Log-loss in nats. "Calibrated" figures are cross-fitted: each fold's predictions calibrated by a calibrator fitted on the
/// other folds' out-of-fold predictions.
/// </summary>
public sealed record RiskReport(
    int Students,
    int Positives,
    int Features,
    int Folds,
    int Seed,
    AucEstimate Auc,
    double Brier,
    double LogLoss,
    CalibrationMethod Calibration,
    double CalibratedBrier,
    double CalibratedLogLoss,
    IReadOnlyList<ReliabilityBin> Reliability,
    IReadOnlyList<GroupPerformance> Fairness,
    IReadOnlyList<OddsRatio> OddsRatios,
    IReadOnlyList<string> Warnings);

/// <summary>
/// The model's performance within one group of a protected attribute (AUC null when only one outcome occurs). A group
/// under the minimum group size is suppressed: it is named, and carries no figures at all (its size included).
/// </summary>
public sealed record GroupPerformance(string Attribute, string Group, bool Suppressed, int? Students, int? Positives, AucEstimate? Auc, double? MeanRisk, double? ObservedRate)
{
    public static GroupPerformance Suppress(string attribute, string group) => new(attribute, group, true, null, null, null, null, null);
}

/// <summary>
/// exp(coefficient) per one unit of the feature, with a 95% Wald interval from the Hessian and its p-value. When the
/// figure cannot be trusted (the feature nearly separates the outcome, so one standard deviation of it moves the log-odds
/// by more than <see cref="RiskTrainer.MaximumStandardisedCoefficient"/>, or it is not estimable) every number is null
/// and <paramref name="NotShown"/> says why.
/// </summary>
public sealed record OddsRatio(string Feature, double? Coefficient, double? StandardError, double? Ratio, double? Lower, double? Upper, double? P, string? NotShown = null);

/// <summary>One feature's push on a student's log-odds, against an average student: weight × (value − mean).</summary>
public sealed record FeatureContribution(string Feature, double Value, double LogOdds);

/// <summary>A student's calibrated risk and the features that raise it most.</summary>
public sealed record StudentRisk(string StudentId, double Risk, bool? Outcome, IReadOnlyList<FeatureContribution> Reasons);
