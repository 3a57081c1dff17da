using System.Globalization;

namespace GradeLens.Core.Import.Mapping;

/// <summary>
/// A grade scale: its numeric range, the labels it accepts ("U", "A*"), and the default proficiency
/// threshold. Built-in scales are in <see cref="GradeScales"/>.
/// </summary>
public sealed record GradeScale
{
    private static readonly IReadOnlyDictionary<string, double> _noLabels =
        new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Id used in mapping files: "gcse-9-1", "letters-a*-g", "percent", "0-20", "points".</summary>
    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    public required double Minimum { get; init; }

    public required double Maximum { get; init; }

    /// <summary>Grade labels and their scores, compared case-insensitively ("U" = 0, "A*" = 8).</summary>
    public IReadOnlyDictionary<string, double> Labels { get; init; } = _noLabels;

    /// <summary>True when 4.5 (a grade between 4 and 5) is a valid score.</summary>
    public bool AllowsHalfGrades { get; init; }

    /// <summary>True when a numeric score must be a whole grade (or a half grade if allowed); false for any decimal.</summary>
    public bool WholeGradesOnly { get; init; }

    /// <summary>Score at or above which a student counts as proficient, unless an assessment says otherwise.</summary>
    public required double DefaultProficiency { get; init; }

    /// <summary>
    /// Reads a raw cell: a label ("U", "A*", "a star") or a number with a point or a comma ("4.5", "4,5"),
    /// within <see cref="Minimum"/>..<see cref="Maximum"/> and whole or half grades where the scale requires.
    /// </summary>
    public bool TryParse(string raw, out double score)
    {
        score = 0;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        var text = raw.Trim();
        if (Labels.TryGetValue(text, out var labelled))
        {
            score = labelled;
            return true;
        }

        if (!TryParseNumber(text, out var number) || number < Minimum || number > Maximum)
        {
            return false;
        }

        var steps = AllowsHalfGrades ? number * 2 : number;
        if (WholeGradesOnly && steps != Math.Floor(steps))
        {
            return false;
        }

        score = number;
        return true;
    }

    /// <summary>Parses "4.5" or "4,5" (a decimal comma) in any culture.</summary>
    internal static bool TryParseNumber(string text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number)
        || (text.Count(c => c == ',') == 1
            && double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out number));
}
