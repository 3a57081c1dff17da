namespace GradeLens.Core.Import.Mapping;

/// <summary>Decides the role of one column of an areas file (state, county, zip figures).</summary>
internal static class AreaColumns
{
    public static ColumnMapping Map(ColumnEvidence column)
    {
        if (column.ExactMatch is { } exact && FromMatch(column, exact) is { } byExact)
        {
            return byExact;
        }

        if (column.Wide is { Subject: not null } wide && (column.Profile.IsNumeric || column.Profile.IsEmpty))
        {
            return column.As(ColumnRole.AreaScore, "synonym") with { Subject = wide.Subject };
        }

        if (column.FuzzyMatch is { } fuzzy && FromMatch(column, fuzzy) is { } byFuzzy)
        {
            return byFuzzy;
        }

        return column.Profile.IsNumeric
            ? column.As(ColumnRole.Measure, "values") with { Measure = column.Header }
            : column.As(ColumnRole.Ignore, "default");
    }

    private static ColumnMapping? FromMatch(ColumnEvidence column, HeaderMatch match) => match.Role switch
    {
        ColumnRole.Area or ColumnRole.AreaCode => column.As(match.Role, match.MatchedBy) with { AreaLevel = match.AreaLevel },
        ColumnRole.Region => column.As(ColumnRole.Area, match.MatchedBy) with { AreaLevel = "region" },
        ColumnRole.School => column.As(ColumnRole.Area, match.MatchedBy) with { AreaLevel = "school" },
        ColumnRole.Year or ColumnRole.Subject or ColumnRole.GradeLevel or ColumnRole.Domain => column.As(match.Role, match.MatchedBy),
        ColumnRole.Score or ColumnRole.AreaScore when column.Profile.IsNumeric || column.Profile.IsEmpty =>
            column.As(ColumnRole.AreaScore, match.MatchedBy),
        ColumnRole.Measure => column.As(ColumnRole.Measure, match.MatchedBy) with { Measure = column.Header },
        _ => null,
    };
}
