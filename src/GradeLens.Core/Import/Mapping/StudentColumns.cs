using System.Globalization;

namespace GradeLens.Core.Import.Mapping;

/// <summary>
/// Decides the role of one column of a students file from the evidence — its header (synonyms in any of the languages,
/// subject and series words) and its values (numbers that vary like scores) — and says how sure it is. A column that
/// could as well be a score as an attribute is marked <see cref="Confidence.Low"/>: the import then asks rather than guesses.
/// </summary>
internal static class StudentColumns
{
    private static readonly HashSet<string> _flagColours = new(StringComparer.OrdinalIgnoreCase)
    {
        "red", "green", "blue", "black", "amber", "orange", "yellow", "grey", "gray", "white",
    };

    public static ColumnMapping Map(ColumnEvidence column, LongFormSeries series)
    {
        if (column.Key.Contains("diff", StringComparison.Ordinal) && !column.Key.Contains("difficult", StringComparison.Ordinal))
        {
            return Sure(column.As(ColumnRole.Derived, "synonym") with { Rule = series.DifferenceRule(column.Header) });
        }

        if (IsColourFlag(column))
        {
            return Sure(column.As(ColumnRole.Derived, "values"));
        }

        if (column.ExactMatch is { } exact)
        {
            return Sure(FromMatch(column, exact));
        }

        // A header naming a subject ("math score") is a score column even if a few values are typos: those are rejected, not the column.
        var profile = column.Profile;
        if (column.Wide is { } wide && (wide.Subject is not null || profile.IsScoreLike || profile.IsEmpty))
        {
            return Sure(column.AsScore(wide.IsBaseline ? ColumnRole.Baseline : ColumnRole.Score, "synonym") with { Subject = wide.Subject, Series = wide.Series });
        }

        // "Computer Science Mock 2", "Note de philosophie": a subject the synonyms do not know, beside a series or a score word.
        if (column.Words is { } words && (profile.IsScoreLike || profile.IsEmpty))
        {
            return column.AsScore(ColumnRole.Score, "header words") with
            {
                Subject = words.Subject,
                Series = words.Series,
                Confidence = Confidence.High,
                Evidence = $"the header names {(words.Series is null ? "a score" : "the series '" + words.Series + "'")} of '{words.Subject}'",
            };
        }

        if (column.FuzzyMatch is { } fuzzy)
        {
            return FromMatch(column, fuzzy) with { Confidence = Confidence.Medium, Evidence = $"the header is close to '{fuzzy.Synonym}'" };
        }

        if (profile.IsEmpty)
        {
            return column.As(ColumnRole.Ignore, "default") with { Confidence = Confidence.High, Evidence = "no value in the first rows" };
        }

        return profile.IsNumeric ? ByNumbers(column) : ByText(column);
    }

    /// <summary>Numbers under a header that names nothing known: scores if they vary like scores, attributes if they are codes or counts.</summary>
    private static ColumnMapping ByNumbers(ColumnEvidence column)
    {
        var profile = column.Profile;
        var spread = string.Create(CultureInfo.InvariantCulture,
            $"numbers {profile.Numbers[0]:0.##} to {profile.Numbers[^1]:0.##}, {profile.DistinctNumbers} distinct, middle value {profile.Median:0.##}");
        if (AttributeWords.Names(column.Key) || AttributeWords.NamesIdOrDate(column.Header))
        {
            return column.As(ColumnRole.Attribute, "values") with { Confidence = Confidence.High, Evidence = spread + "; the header names a count or measure" };
        }

        if (profile.VariesLikeScores)
        {
            var scale = ScaleDetector.Detect(profile.Values, column.Header);
            return column.AsScore(ColumnRole.Score, "values") with
            {
                Subject = SubjectNames.FromHeader(column.Header),
                Confidence = Confidence.Medium,
                Evidence = $"{spread}: they vary like scores on the {scale.DisplayName} scale",
            };
        }

        // A handful of whole numbers in the middle of their range: a grade on a short scale, or a coded answer (1-5, 1-9)?
        var fewLevels = profile.DistinctNumbers is >= 6 and < 12 && profile.Median >= 0.25 * profile.Numbers[^1] && !profile.IsSequence;
        return column.As(ColumnRole.Attribute, "values") with
        {
            Confidence = fewLevels ? Confidence.Low : Confidence.Medium,
            Evidence = fewLevels
                ? $"{spread}: they could be scores on a short scale or a coded answer"
                : $"{spread}: they do not vary like scores (a count, a code or a measure)",
        };
    }

    private static ColumnMapping ByText(ColumnEvidence column) =>
        column.Profile.DistinctValues.Count <= MappingInference.MaxAttributeValues
            ? column.As(ColumnRole.Attribute, "values") with { Confidence = Confidence.High, Evidence = $"{column.Profile.DistinctValues.Count} different texts: a category" }
            : column.As(ColumnRole.Ignore, "default") with
            {
                Confidence = Confidence.Medium,
                Evidence = $"more than {MappingInference.MaxAttributeValues} different texts in the first rows (names or comments): not stored",
            };

    private static ColumnMapping Sure(ColumnMapping mapping) => mapping with { Confidence = Confidence.High };

    private static bool IsColourFlag(ColumnEvidence column) =>
        (column.Key.Contains("colour", StringComparison.Ordinal) || column.Key.Contains("color", StringComparison.Ordinal))
        && !column.Profile.IsEmpty
        && column.Profile.DistinctValues.All(_flagColours.Contains);

    private static ColumnMapping FromMatch(ColumnEvidence column, HeaderMatch match) => match.Role switch
    {
        ColumnRole.Score or ColumnRole.AreaScore => column.AsScore(ColumnRole.Score, match.MatchedBy),
        ColumnRole.Baseline => column.AsScore(ColumnRole.Baseline, match.MatchedBy),
        // Area columns in a students file (a student's state or county) are kept as attributes.
        ColumnRole.Area or ColumnRole.AreaCode or ColumnRole.Year or ColumnRole.Measure => column.As(ColumnRole.Attribute, match.MatchedBy),
        var role => column.As(role, match.MatchedBy),
    };
}
