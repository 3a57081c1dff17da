using System.ComponentModel.DataAnnotations;
using GradeLens.Core.Models;
using GradeLens.Core.Risk;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Risk;

/// <summary>The at-risk model's query string (Risk, Triage and Students pages): target series and subject, the outcome threshold, features, and evaluation options.</summary>
/// <param name="Features">Comma-separated series whose scores are features (default: every earlier series; "none" for none).</param>
/// <param name="Attributes">Comma-separated attributes (default: every attribute but protected ones; "none" for none).</param>
/// <param name="TargetColumn">An outcome column of the students (final result) as the target, instead of series and subject.</param>
/// <param name="Positive">Comma-separated values of the outcome column that are the outcome to warn of (Fail,Withdrawn).</param>
/// <param name="Cutoff">The model as of a series (its scores and earlier ones are known) or a date yyyy-mm-dd.</param>
public sealed record RiskQuery(
    string? Series,
    string? Subject,
    double? Below,
    string? Features,
    string? Attributes,
    bool? IncludeProtected,
    string? Calibration,
    [property: Range(2, 20, ErrorMessage = "Between 2 and 20.")] int? Folds,
    int? Seed,
    string? TargetColumn,
    string? Positive,
    string? Cutoff)
{
    /// <summary>The checks attributes cannot state: a target is named, the calibration is one the model knows.</summary>
    public ValidationProblem? Invalid()
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrWhiteSpace(TargetColumn))
        {
            if (Split(Positive) is not { Count: > 0 })
            {
                errors["positive"] = ["Choose the values of the outcome column to warn of (for example Fail, Withdrawn)."];
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(Series))
            {
                errors["series"] = ["Choose the target series (the assessment whose result is the outcome)."];
            }

            if (string.IsNullOrWhiteSpace(Subject))
            {
                errors["subject"] = ["Choose the subject of the outcome."];
            }
        }

        if (Below is { } below && !double.IsFinite(below))
        {
            errors["below"] = ["A number: the score below which the outcome counts as at risk."];
        }

        if (Calibration is not null && !Enum.TryParse<CalibrationMethod>(Calibration, ignoreCase: true, out _))
        {
            errors["calibration"] = ["platt or isotonic."];
        }

        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }

    public RiskRequest ToRequest() => new(Series?.Trim() ?? "", Subject?.Trim() ?? "", Below, ListOrNone(Features), ListOrNone(Attributes), IncludeProtected ?? false,
        string.IsNullOrWhiteSpace(TargetColumn) ? null : TargetColumn.Trim(), Split(Positive), string.IsNullOrWhiteSpace(Cutoff) ? null : Cutoff.Trim());

    /// <summary>A comma-separated list; "none" is the empty list; null when not given.</summary>
    public static IReadOnlyList<string>? ListOrNone(string? list) =>
        string.Equals(list?.Trim(), "none", StringComparison.OrdinalIgnoreCase) ? [] : Split(list);

    public RiskOptions ToOptions() => new(
        Folds: Folds ?? 5,
        Seed: Seed ?? new RiskOptions().Seed,
        Calibration: Calibration is null ? CalibrationMethod.Platt : Enum.Parse<CalibrationMethod>(Calibration, ignoreCase: true));

    /// <summary>A comma-separated list, or null when empty.</summary>
    public static IReadOnlyList<string>? Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? null : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
