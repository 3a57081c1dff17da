namespace GradeLens.Core.Import.Mapping;

/// <summary>What a column's sample values look like: how many are filled, numeric, distinct, and how the numbers spread.</summary>
/// <param name="Values">Non-blank values, trimmed, in file order.</param>
/// <param name="DistinctValues">Distinct non-blank values (ordinal), in order of first appearance.</param>
/// <param name="NumericCount">How many of <paramref name="Values"/> parse as numbers ("4.5", "4,5").</param>
/// <param name="Numbers">The values that parse as numbers, sorted.</param>
internal sealed record ColumnProfile(IReadOnlyList<string> Values, IReadOnlyList<string> DistinctValues, int NumericCount, IReadOnlyList<double> Numbers)
{
    public bool IsEmpty => Values.Count == 0;

    public bool IsNumeric => Values.Count > 0 && NumericCount == Values.Count;

    /// <summary>Numeric, or grade labels such as "A*" or "U" with numbers.</summary>
    public bool IsScoreLike => Values.Count > 0
        && Values.All(value => GradeScale.TryParseNumber(value, out _) || GradeScales.Letters.Labels.ContainsKey(value));

    public int DistinctNumbers => Numbers.Distinct().Count();

    public double Median => Numbers.Count == 0 ? double.NaN : Numbers[Numbers.Count / 2];

    public double ZeroShare => Numbers.Count == 0 ? 0 : Numbers.Count(n => n == 0) / (double)Numbers.Count;

    /// <summary>Every value differs and the numbers only grow (1, 2, 3... or 1001, 1002...): a row number or an id, not a measure.</summary>
    public bool IsSequence => Numbers.Count >= 10 && DistinctNumbers == Values.Count && Numbers.SequenceEqual(NumbersInFileOrder());

    /// <summary>The values repeat (a student's several rows) and no value is blank.</summary>
    public bool Repeats => Values.Count >= 4 && DistinctValues.Count < Values.Count;

    /// <summary>
    /// Numbers that vary like scores: at least 12 distinct values, none negative, the middle value at least a quarter of
    /// the largest (counts such as absences bunch near 0), at most 1,000, and fewer than a third zeros.
    /// </summary>
    public bool VariesLikeScores => IsNumeric && DistinctNumbers >= 12 && Numbers[0] >= 0 && Numbers[^1] > 0 && Numbers[^1] <= 1000
        && Median >= 0.25 * Numbers[^1] && ZeroShare < 1.0 / 3 && !IsSequence;

    private IEnumerable<double> NumbersInFileOrder() =>
        Values.Select(v => GradeScale.TryParseNumber(v, out var n) ? n : double.NaN).Where(n => !double.IsNaN(n));

    public static ColumnProfile Of(IReadOnlyList<IReadOnlyList<string?>> rows, int column)
    {
        var values = new List<string>();
        var distinct = new List<string>();
        var numbers = new List<double>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
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

            if (GradeScale.TryParseNumber(value, out var number) && double.IsFinite(number))
            {
                numbers.Add(number);
            }
        }

        numbers.Sort();
        return new ColumnProfile(values, distinct, numbers.Count, numbers);
    }
}
