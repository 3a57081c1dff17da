using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Quality.Import;

/// <summary>What a column's text is read as.</summary>
public enum QualityValueKind
{
    /// <summary>An identifier: "42", "42.0" and 42 are the same ("42").</summary>
    Identifier,
    Text,
    Date,
    Number,
    WholeNumber,
    YesNo,
}

/// <summary>
/// One column of a university's table: the quality table's column it fills, how it is read, and the headers it goes by
/// (<see cref="HeaderNormaliser"/> keys, in order of preference).
/// </summary>
/// <param name="Group">Columns of one group stand in for each other: the table needs at least one of them.</param>
/// <param name="Describe">What the column is, in a rejection ("a grade needs <c>a student</c>").</param>
public sealed record QualityColumnSpec(string Column, QualityValueKind Kind, bool Required, string? Group, string Describe, IReadOnlyList<string> Synonyms)
{
    /// <summary>A required column whose rows may leave it empty (a grade's mark: the work was not submitted).</summary>
    public bool MayBeEmpty { get; init; }

    public bool Matches(string normalisedHeader) => Synonyms.Contains(normalisedHeader);

    public int Preference(string normalisedHeader)
    {
        for (var i = 0; i < Synonyms.Count; i++)
        {
            if (Synonyms[i] == normalisedHeader)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}

/// <summary>
/// A kind of table a university exports (grades, modules, survey answers...): the quality table it fills, the names
/// its file or sheet goes by, and its columns.
/// </summary>
/// <param name="Name">The kind's name in the report ("grades", "survey summaries").</param>
/// <param name="Target">The quality table it fills; null for a table GradeLens recognises but does not use (students).</param>
/// <param name="Row">A row of it, in a rejection ("a grade").</param>
public sealed record QualityTableKind(string Name, QualityTable? Target, string Row, IReadOnlyList<string> FileNames, IReadOnlyList<QualityColumnSpec> Columns)
{
    public QualityColumnSpec this[string column] => Columns.Single(c => c.Column == column);

    /// <summary>How well <paramref name="normalisedName"/> (a file or sheet name) names this kind: the longest name it contains, or 0.</summary>
    public int NameMatch(string normalisedName) =>
        FileNames.Where(n => normalisedName == n || (n.Length >= 4 && normalisedName.Contains(n, StringComparison.Ordinal))).Select(n => n.Length).DefaultIfEmpty(0).Max();
}
