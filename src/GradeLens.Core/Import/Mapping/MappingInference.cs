namespace GradeLens.Core.Import.Mapping;

/// <summary>
/// Infers a file's <see cref="ImportMapping"/> from its headers and a sample of rows. The result is
/// printed for the user to check and can be saved, edited and reused; it never declares missing-value
/// codes (those are the user's to state).
/// </summary>
public static class MappingInference
{
    /// <summary>The columns inference is unsure of: the import asks about them rather than guess.</summary>
    public static IReadOnlyList<ColumnMapping> Unsure(ImportMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return [.. mapping.Columns.Where(column => column.Confidence == Confidence.Low)];
    }

    /// <summary>A text column with at most this many distinct values in the sample is a student attribute.</summary>
    public const int MaxAttributeValues = 50;

    private static readonly HashSet<string> _areaLevels = ["state", "county", "zip"];

    /// <summary>Infers with the built-in synonym tables.</summary>
    public static ImportMapping Infer(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string?>> sampleRows) =>
        Infer(headers, sampleRows, HeaderMatcher.Default);

    public static ImportMapping Infer(
        IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string?>> sampleRows, HeaderMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(sampleRows);
        ArgumentNullException.ThrowIfNull(matcher);

        var evidence = headers
            .Select((header, index) => new ColumnEvidence(
                header,
                HeaderNormaliser.Normalise(header),
                matcher.Match(header),
                WideScoreHeader.Parse(header, matcher),
                ColumnProfile.Of(sampleRows, index),
                SubjectNames.Parse(header, matcher)))
            .ToList();

        var kind = KindOf(evidence);
        if (kind == TableKind.Areas)
        {
            return new ImportMapping { Kind = kind, Columns = [.. evidence.Select(AreaColumns.Map)] };
        }

        var seriesColumn = evidence.FirstOrDefault(column => column.Match?.Role == ColumnRole.Series);
        var series = seriesColumn is null ? LongFormSeries.None : LongFormSeries.Of(seriesColumn.Profile.DistinctValues);
        var columns = IdColumns.Propose(evidence.Select(column => StudentColumns.Map(column, series)).ToList(), evidence, sampleRows);
        var needsDefaultSeries = seriesColumn is null
            && columns.Any(column => column.Role == ColumnRole.Score && column.Series is null);

        return new ImportMapping
        {
            Kind = kind,
            Columns = columns,
            DefaultSeries = needsDefaultSeries ? "Final" : null,
            BaselineSeries = series.BaselineNames,
        };
    }

    /// <summary>Areas when a state, county or zip column is present and nothing names a student (id or gender).</summary>
    private static TableKind KindOf(IReadOnlyList<ColumnEvidence> columns)
    {
        var hasArea = columns.Any(column => column.Match is { Role: ColumnRole.Area } match && _areaLevels.Contains(match.AreaLevel ?? ""));
        var hasStudent = columns.Any(column => column.Match?.Role is ColumnRole.StudentId or ColumnRole.Gender);
        return hasArea && !hasStudent ? TableKind.Areas : TableKind.Students;
    }
}
