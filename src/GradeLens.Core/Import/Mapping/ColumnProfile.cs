namespace GradeLens.Core.Import.Mapping;

/// <summary>What a column's sample values look like: how many are filled, numeric, distinct.</summary>
/// <param name="Values">Non-blank values, trimmed, in file order.</param>
/// <param name="DistinctValues">Distinct non-blank values (ordinal), in order of first appearance.</param>
/// <param name="NumericCount">How many of <paramref name="Values"/> parse as numbers ("4.5", "4,5").</param>
internal sealed record ColumnProfile(IReadOnlyList<string> Values, IReadOnlyList<string> DistinctValues, int NumericCount)
{
    public bool IsEmpty => Values.Count == 0;

    public bool IsNumeric => Values.Count > 0 && NumericCount == Values.Count;

    /// <summary>Numeric, or grade labels such as "A*" or "U" with numbers.</summary>
    public bool IsScoreLike => Values.Count > 0
        && Values.All(value => GradeScale.TryParseNumber(value, out _) || GradeScales.Letters.Labels.ContainsKey(value));

    public static ColumnProfile Of(IReadOnlyList<IReadOnlyList<string?>> rows, int column)
    {
        var values = new List<string>();
        var distinct = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var numeric = 0;
        foreach (var row in rows)
        {
            var raw = column < row.Count ? row[column] : null;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var value = raw.Trim();
            values.Add(value);
            if (seen.Add(value))
            {
                distinct.Add(value);
            }

            if (GradeScale.TryParseNumber(value, out _))
            {
                numeric++;
            }
        }

        return new ColumnProfile(values, distinct, numeric);
    }
}
