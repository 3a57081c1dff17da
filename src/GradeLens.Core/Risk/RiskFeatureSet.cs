using GradeLens.Core.Models;

namespace GradeLens.Core.Risk;

/// <summary>
/// The features for a target, read from the store and encoded by <see cref="FeatureBuilder"/>: students with an outcome
/// train and evaluate the model; students in scope without one (yet) are the ones to score. A missing score is the
/// column's mean (over every student in scope) plus a missing-indicator column; a missing category is the level "(missing)".
/// </summary>
/// <param name="Threshold">The outcome is a score below this (the target assessment's proficiency unless the request chose one); 0 for an outcome column.</param>
/// <param name="Notes">What was left out and why (protected attributes, attributes with too many levels, columns that repeat others).</param>
/// <param name="Outcome">The outcome in words ("Maths in Final below 4", "final_result is Fail or Withdrawn").</param>
/// <param name="Missing">How many students had no value, per feature with any missing.</param>
public sealed record RiskFeatureSet(
    RiskRequest Request,
    double Threshold,
    IReadOnlyList<string> FeatureSeries,
    RiskData Training,
    FeatureMatrix? Unscored,
    IReadOnlyList<string> UnscoredIds,
    IReadOnlyList<string> Notes,
    string Outcome,
    IReadOnlyList<MissingValues> Missing,
    double? ConditionNumber);

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
