using GradeLens.Core.Models;

namespace GradeLens.Core.Risk;

/// <summary>
/// The features for a target assessment, read from the store: students with a result on the target train and evaluate
/// the model; students in scope without one (yet) are the ones to score. Missing feature values are the column's mean
/// (over every student in scope); a missing attribute is the reference level.
/// </summary>
/// <param name="Threshold">The outcome is a score below this (the target assessment's proficiency unless the request chose one).</param>
/// <param name="Notes">What was left out and why (protected attributes, attributes with too many levels).</param>
public sealed record RiskFeatureSet(
    RiskRequest Request,
    double Threshold,
    IReadOnlyList<string> FeatureSeries,
    RiskData Training,
    FeatureMatrix? Unscored,
    IReadOnlyList<string> UnscoredIds,
    IReadOnlyList<string> Notes);

/// <summary>
/// One series as a plain table, one row per student: each subject's (and domain's) score, NaN when missing, and each
/// student attribute's value (null when missing). What the Clusters and Models pages work on.
/// </summary>
public sealed record StudentTable(
    string Series,
    IReadOnlyList<string> StudentIds,
    FeatureMatrix Scores,
    IReadOnlyList<string> AttributeNames,
    IReadOnlyList<IReadOnlyList<string?>> Attributes);
