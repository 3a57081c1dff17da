using System.ComponentModel.DataAnnotations;
using GradeLens.Core.Models;
using GradeLens.Core.Risk;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Risk;

/// <summary>The at-risk model's query string (Risk, Triage and Students pages): target series and subject, the outcome threshold, features, and evaluation options.</summary>
/// <param name="Features">Comma-separated series whose scores are features (default: every earlier series).</param>
/// <param name="Attributes">Comma-separated attributes (default: every attribute but protected ones).</param>
public sealed record RiskQuery(
    string? Series,
    string? Subject,
    double? Below,
    string? Features,
    string? Attributes,
    bool? IncludeProtected,
    string? Calibration,
    [property: Range(2, 20, ErrorMessage = "Between 2 and 20.")] int? Folds,
    int? Seed)
{
    /// <summary>The checks attributes cannot state: a target is named, the calibration is one the model knows.</summary>
    public ValidationProblem? Invalid()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Series))
        {
            errors["series"] = ["Choose the target series (the assessment whose result is the outcome)."];
        }

        if (string.IsNullOrWhiteSpace(Subject))
        {
            errors["subject"] = ["Choose the subject of the outcome."];
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

    public RiskRequest ToRequest() => new(Series!, Subject!, Below, Split(Features), Split(Attributes), IncludeProtected ?? false);

    public RiskOptions ToOptions() => new(
        Folds: Folds ?? 5,
        Seed: Seed ?? new RiskOptions().Seed,
        Calibration: Calibration is null ? CalibrationMethod.Platt : Enum.Parse<CalibrationMethod>(Calibration, ignoreCase: true));

    /// <summary>A comma-separated list, or null when empty.</summary>
    public static IReadOnlyList<string>? Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? null : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
