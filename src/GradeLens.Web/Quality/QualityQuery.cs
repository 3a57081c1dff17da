using System.ComponentModel.DataAnnotations;
using System.Globalization;
using GradeLens.Core.Quality;

namespace GradeLens.Web.Quality;

/// <summary>
/// What every Quality answer is narrowed to (faculty, programme, term) and the rules it is computed by; each rule left
/// out is the default (<see cref="QualityOptions.Default"/>: the study's mark rule, OfS-style suppression at 23). The
/// smallest group shown is not a parameter: it protects students and is the server's to set.
/// </summary>
/// <param name="Programme">A programme's id or name.</param>
/// <param name="PassMark">A module mark at or above this passes (default 50).</param>
/// <param name="Weighted">Weight the module mark by the assessments' weights (default false: the plain mean, as the study).</param>
/// <param name="Missing">An assessment without a mark: "left-out" (default, as the study) or "zero".</param>
/// <param name="PolicyDays">Feedback is on time within this many working days (default 20).</param>
/// <param name="AtRiskPassRate">At risk under this pass rate, 0..1 (default 0.70).</param>
/// <param name="AtRiskSurvey">At risk under this mean survey score, 1..5 (default 3.5).</param>
/// <param name="Release">Round every published count to the nearest 5, for release.</param>
public sealed record QualityQuery(
    string? Faculty,
    string? Programme,
    string? Term,
    [property: Range(0.0, 100.0, ErrorMessage = "A mark between 0 and 100.")] double? PassMark,
    bool? Weighted,
    string? Missing,
    [property: Range(1, 100, ErrorMessage = "Between 1 and 100 working days.")] int? PolicyDays,
    [property: Range(0.0, 1.0, ErrorMessage = "A rate between 0 and 1.")] double? AtRiskPassRate,
    [property: Range(1.0, 5.0, ErrorMessage = "A score between 1 and 5.")] double? AtRiskSurvey,
    bool? Release)
{
    public const string LeftOut = "left-out";
    public const string Zero = "zero";

    /// <summary>What the built-in validation cannot say: a rule's spelling.</summary>
    public Dictionary<string, string[]> Errors()
    {
        var errors = new Dictionary<string, string[]>();
        if (Missing is { } missing && !missing.Trim().Equals(LeftOut, StringComparison.OrdinalIgnoreCase) && !missing.Trim().Equals(Zero, StringComparison.OrdinalIgnoreCase))
        {
            errors["missing"] = [$"'{missing}' is not a rule for a missing mark: write '{LeftOut}' or '{Zero}'."];
        }

        return errors;
    }

    public QualityFilter Filter() => new(Trimmed(Faculty), Trimmed(Programme), Trimmed(Term));

    public QualityOptions Options()
    {
        var defaults = QualityOptions.Default;
        return defaults with
        {
            Marks = new MarkRule(PassMark ?? defaults.Marks.PassMark, Weighted ?? defaults.Marks.Weighted,
                Missing?.Trim().Equals(Zero, StringComparison.OrdinalIgnoreCase) == true ? MissingSubmission.CountedAsZero : defaults.Marks.MissingSubmission),
            PolicyWorkingDays = PolicyDays ?? defaults.PolicyWorkingDays,
            AtRisk = new AtRiskRule(AtRiskPassRate ?? defaults.AtRisk.PassRate, AtRiskSurvey ?? defaults.AtRisk.SurveyMean),
            Suppression = defaults.Suppression with { Release = Release ?? defaults.Suppression.Release },
        };
    }

    /// <summary>An as-of date as yyyy-mm-dd; today when empty; an error naming the field otherwise.</summary>
    public static DateOnly? ParseDate(string? text, DateOnly today, Dictionary<string, string[]> errors, string field)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return today;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [$"'{text}' is not a date: write it as yyyy-mm-dd."];
        return null;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
