namespace GradeLens.Core.Import.Mapping;

/// <summary>Decides the role of one column of a students file.</summary>
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
            return column.As(ColumnRole.Derived, "synonym") with { Rule = series.DifferenceRule(column.Header) };
        }

        if (IsColourFlag(column))
        {
            return column.As(ColumnRole.Derived, "values");
        }

        if (column.ExactMatch is { } exact)
        {
            return FromMatch(column, exact);
        }

        // A header naming a subject ("math score") is a score column even if a few values are typos: those are rejected, not the column.
        if (column.Wide is { } wide && (wide.Subject is not null || column.Profile.IsScoreLike || column.Profile.IsEmpty))
        {
            return column.AsScore(wide.IsBaseline ? ColumnRole.Baseline : ColumnRole.Score, "synonym") with
            {
                Subject = wide.Subject,
                Series = wide.Series,
            };
        }

        if (column.FuzzyMatch is { } fuzzy)
        {
            return FromMatch(column, fuzzy);
        }

        var profile = column.Profile;
        if (profile.IsEmpty)
        {
            return column.As(ColumnRole.Ignore, "default");
        }

        // Numbers that are not scores (age, absences, studytime) and few-valued text are still student attributes.
        return profile.IsNumeric || profile.DistinctValues.Count <= MappingInference.MaxAttributeValues
            ? column.As(ColumnRole.Attribute, "values")
            : column.As(ColumnRole.Ignore, "default");
    }

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
