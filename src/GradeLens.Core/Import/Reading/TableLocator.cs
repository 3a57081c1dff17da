using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import.Reading;

/// <summary>Where a table starts in a sheet or text file: its header row (0-based among the rows read) and its header names.</summary>
/// <param name="HeaderIndex">The (last) header row; data starts on the row after it.</param>
/// <param name="FirstHeaderIndex">The first header row: the same row, or the one above it for a two-row header ("Maths" over "Mock 1").</param>
/// <param name="Cells">The header cells, a two-row header's groups joined to their columns ("Maths Mock 1").</param>
/// <param name="Found">How the row was chosen, for the health report.</param>
internal sealed record TableStart(int HeaderIndex, int FirstHeaderIndex, IReadOnlyList<string> Cells, string Found);

/// <summary>
/// Finds the header row below titles, notes and blank rows: the first row of at least two distinct text labels that is
/// about as wide as the rows under it. A row whose labels repeat ("Mock 1", "Mock 2", "Mock 1"...) takes the groups of
/// the row above it ("Maths", "English", each spread over its columns). A mapping may name the row instead.
/// </summary>
internal static class TableLocator
{
    /// <summary>How many rows from the top a header is looked for in.</summary>
    public const int SearchRows = 30;

    public static TableStart? Locate(IReadOnlyList<IReadOnlyList<string>> rows, int? headerIndex)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (headerIndex is { } declared)
        {
            return declared < rows.Count && Filled(rows[declared]) > 0
                ? new TableStart(declared, declared, Trimmed(rows[declared]), $"header on row {declared + 1}, as the mapping says")
                : null;
        }

        var firstNonBlank = -1;
        for (var i = 0; i < Math.Min(rows.Count, SearchRows); i++)
        {
            var filled = Filled(rows[i]);
            if (filled == 0)
            {
                continue;
            }

            firstNonBlank = firstNonBlank < 0 ? i : firstNonBlank;
            if (filled < 2 || !AsWideAsBelow(rows, i, filled) || !MostlyText(rows[i], filled))
            {
                continue;
            }

            if (Distinct(rows[i]))
            {
                return new TableStart(i, i, Trimmed(rows[i]), i == firstNonBlank ? "header on the first row" : $"header found on row {i + 1}");
            }

            if (i > 0 && Combined(rows[i - 1], rows[i]) is { } combined)
            {
                return new TableStart(i, i - 1, combined, $"two-row header on rows {i} and {i + 1} (groups above their columns)");
            }
        }

        return firstNonBlank < 0 ? null : new TableStart(firstNonBlank, firstNonBlank, Trimmed(rows[firstNonBlank]), "no header row recognised; the first row is taken as the header");
    }

    private static int Filled(IReadOnlyList<string> row) => row.Count(cell => !string.IsNullOrWhiteSpace(cell));

    private static List<string> Trimmed(IReadOnlyList<string> row) => [.. row.Select(cell => (cell ?? "").Trim())];

    /// <summary>At least 80% as many filled cells as the widest of the next ten non-blank rows (a title or a note is narrower).</summary>
    private static bool AsWideAsBelow(IReadOnlyList<IReadOnlyList<string>> rows, int index, int filled)
    {
        var below = rows.Skip(index + 1).Select(Filled).Where(f => f > 0).Take(10).DefaultIfEmpty(filled).Max();
        return filled >= 0.8 * below;
    }

    private static bool MostlyText(IReadOnlyList<string> row, int filled) =>
        row.Count(cell => !string.IsNullOrWhiteSpace(cell) && !GradeScale.TryParseNumber(cell.Trim(), out _)) >= 0.7 * filled;

    private static bool Distinct(IReadOnlyList<string> row)
    {
        var labels = row.Where(cell => !string.IsNullOrWhiteSpace(cell)).Select(cell => cell.Trim()).ToList();
        return labels.Distinct(StringComparer.OrdinalIgnoreCase).Count() == labels.Count;
    }

    /// <summary>A group row above repeated labels: each group spread right over its columns, then "group label".</summary>
    private static List<string>? Combined(IReadOnlyList<string> groups, IReadOnlyList<string> labels)
    {
        if (Filled(groups) < 2)
        {
            return null;
        }

        var combined = new List<string>();
        var group = "";
        for (var j = 0; j < labels.Count; j++)
        {
            var above = j < groups.Count ? (groups[j] ?? "").Trim() : "";
            group = above.Length > 0 ? above : group;
            var label = (labels[j] ?? "").Trim();
            combined.Add(label.Length == 0 ? group : group.Length == 0 || group.Equals(label, StringComparison.OrdinalIgnoreCase) ? label : group + " " + label);
        }

        var filled = combined.Where(c => c.Length > 0).ToList();
        return filled.Distinct(StringComparer.OrdinalIgnoreCase).Count() == filled.Count ? combined : null;
    }
}
