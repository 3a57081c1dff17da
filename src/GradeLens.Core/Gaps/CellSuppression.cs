namespace GradeLens.Core.Gaps;

/// <summary>
/// Which figures may be shown: primary suppression of every cell and group under the minimum size, then
/// complementary suppression until no suppressed figure can be worked out by subtraction. A "split" is a total
/// and the parts that add up to it (a cell and its groups; a region's total and its grades); whenever a shown total
/// has exactly one suppressed part, the smallest shown part is suppressed too, and this repeats until nothing changes.
/// </summary>
internal static class CellSuppression
{
    /// <summary>An entry is a cell's total (Group null) or one group in a cell.</summary>
    public readonly record struct Entry(CellKey Cell, string? Group);

    /// <returns>Every suppressed entry.</returns>
    public static HashSet<Entry> Apply(IReadOnlyDictionary<Entry, long> counts, int minimum)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var suppressed = counts.Where(e => e.Value < minimum).Select(e => e.Key).ToHashSet();
        var splits = Splits(counts.Keys);
        var changed = true;
        while (changed)
        {
            changed = false;

            // A suppressed cell hides all of its groups.
            foreach (var entry in counts.Keys.Where(e => e.Group is not null && !suppressed.Contains(e) && suppressed.Contains(new Entry(e.Cell, null))))
            {
                changed |= suppressed.Add(entry);
            }

            foreach (var (total, parts) in splits)
            {
                if (suppressed.Contains(total) || parts.Count(suppressed.Contains) != 1)
                {
                    continue;
                }

                var next = parts.Where(p => !suppressed.Contains(p)).OrderBy(p => counts[p]).ThenBy(p => p.ToString(), StringComparer.Ordinal).FirstOrDefault();
                if (next != default)
                {
                    suppressed.Add(next);
                    changed = true;
                }
            }
        }

        return suppressed;
    }

    /// <summary>Each total with the parts that add up to it: a cell's groups; and, per dimension, the cells (or groups) one level finer.</summary>
    private static List<(Entry Total, List<Entry> Parts)> Splits(IEnumerable<Entry> entries)
    {
        var all = entries.ToHashSet();
        var splits = all.Where(e => e.Group is not null)
            .GroupBy(e => new Entry(e.Cell, null))
            .Where(g => all.Contains(g.Key))
            .Select(g => (g.Key, g.ToList()))
            .ToList();
        Func<CellKey, CellKey?>[] parents =
        [
            c => c.Region is null ? null : c with { Region = null },
            c => c.School is null ? null : c with { School = null },
            c => c.GradeLevel is null ? null : c with { GradeLevel = null },
        ];
        foreach (var parent in parents)
        {
            splits.AddRange(all
                .Select(e => (Part: e, Parent: parent(e.Cell)))
                .Where(x => x.Parent is not null)
                .GroupBy(x => new Entry(x.Parent!, x.Part.Group), x => x.Part)
                .Where(g => all.Contains(g.Key))
                .Select(g => (g.Key, g.ToList())));
        }

        return splits;
    }
}
