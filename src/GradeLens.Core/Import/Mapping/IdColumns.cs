namespace GradeLens.Core.Import.Mapping;

/// <summary>
/// Proposes a student id column whatever its name, when no header names one: in a long file (a row per result), a column
/// whose values repeat and group each student's results (no value has two results for one subject and series); in a wide
/// file (a row per student), a column of distinct codes ("A0031", "2024-117").
/// </summary>
internal static class IdColumns
{
    private static readonly string[] _idWords = ["id", "no", "num", "code", "ref", "key", "matricule", "number"];

    public static List<ColumnMapping> Propose(List<ColumnMapping> columns, IReadOnlyList<ColumnEvidence> evidence, IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        if (columns.Any(c => c.Role == ColumnRole.StudentId) || rows.Count < 4)
        {
            return columns;
        }

        var cellColumns = columns.Select((c, i) => (c, i)).Where(x => x.c.Role is ColumnRole.Subject or ColumnRole.Series or ColumnRole.Domain).Select(x => x.i).ToList();
        var isLong = cellColumns.Count > 0;
        var best = -1;
        var bestDistinct = 0;
        for (var i = 0; i < columns.Count; i++)
        {
            var profile = evidence[i].Profile;
            if (columns[i].Role is not (ColumnRole.Attribute or ColumnRole.Ignore) || profile.Values.Count < rows.Count || profile.VariesLikeScores
                || profile.Values.Any(v => v.Contains(' ', StringComparison.Ordinal)))
            {
                continue;
            }

            var fits = isLong ? GroupsResults(rows, i, cellColumns, profile) : IsCode(evidence[i]);
            if (fits && profile.DistinctValues.Count > bestDistinct)
            {
                (best, bestDistinct) = (i, profile.DistinctValues.Count);
            }
        }

        if (best < 0)
        {
            return columns;
        }

        var result = columns.ToList();
        result[best] = result[best] with
        {
            Role = ColumnRole.StudentId,
            MatchedBy = "values",
            Confidence = Confidence.Medium,
            Evidence = isLong
                ? $"its values repeat and group each student's results ({bestDistinct} ids in the first {rows.Count} rows, none with two results for one subject and series)"
                : $"every value differs and looks like a code ({bestDistinct} in the first {rows.Count} rows)",
        };
        return result;
    }

    /// <summary>The values repeat, and (value, subject, series...) never does.</summary>
    private static bool GroupsResults(IReadOnlyList<IReadOnlyList<string?>> rows, int column, IReadOnlyList<int> cellColumns, ColumnProfile profile)
    {
        if (!profile.Repeats || profile.DistinctValues.Count < 3)
        {
            return false;
        }

        var cells = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = string.Join('\u001f', new[] { column }.Concat(cellColumns).Select(i => i < row.Count ? row[i]?.Trim() ?? "" : ""));
            if (!cells.Add(key))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Distinct values that mix letters and digits, or an id-like header over distinct whole numbers.</summary>
    private static bool IsCode(ColumnEvidence column)
    {
        var profile = column.Profile;
        if (profile.DistinctValues.Count != profile.Values.Count || profile.Values.Count < 10)
        {
            return false;
        }

        var mixed = profile.Values.All(v => v.Any(char.IsLetter) && v.Any(char.IsDigit));
        var idHeader = _idWords.Any(w => column.Key.EndsWith(w, StringComparison.Ordinal) || column.Key.StartsWith(w, StringComparison.Ordinal));
        return mixed || (idHeader && profile.IsNumeric);
    }
}
