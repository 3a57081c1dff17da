using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Import.Reading;

namespace GradeLens.Core.Import.Staging;

/// <summary>The tables an import writes, after related ones were joined, and what the joining found.</summary>
internal sealed record RelatedImport(IReadOnlyList<StagedTable> Tables, IReadOnlyList<string> Notes);

/// <summary>
/// Several files (or a workbook's sheets) that are one export of a student-record system or learning platform: results
/// keyed by a student and an assessment, the assessments (module, name or type, date, weight, maximum) in another table,
/// the students in a third. The table with the scores is joined to each other table on the columns they share by name
/// (or, failing that, on an id column whose values the other table holds once each); each join is many results to one
/// row, checked, and a result whose student or assessment is in no file is rejected with its file, line and column.
/// The joined table then maps and imports as one long table, in the import's one transaction.
/// </summary>
internal static class RelatedTables
{
    public static async Task<RelatedImport> JoinAsync(DuckDBConnection connection, IReadOnlyList<StagedTable> staged, ImportMapping? requested, CancellationToken cancellationToken)
    {
        if (staged.Count < 2)
        {
            return new(staged, []);
        }

        var mappings = new List<ImportMapping>();
        foreach (var each in staged)
        {
            mappings.Add(requested is not null && requested.Columns.All(c => each.Source.Headers.Contains(c.Header, StringComparer.OrdinalIgnoreCase))
                ? MappingAlignment.Align(requested, each.Source)
                : MappingInference.Infer(each.Source.Headers, await PreparedTable.SampleAsync(connection, each, cancellationToken)));
        }

        var facts = Enumerable.Range(0, staged.Count).Where(i => mappings[i].Kind == TableKind.Students && mappings[i].Columns.Any(c => c.Role is ColumnRole.Score or ColumnRole.Baseline)).ToList();
        var others = Enumerable.Range(0, staged.Count).Where(i => !facts.Contains(i) && mappings[i].Kind == TableKind.Students).ToList();
        if (facts.Count != 1 || others.Count == 0)
        {
            return new(staged, []);
        }

        var fact = staged[facts[0]];
        var joined = new JoinedTable(fact, mappings[facts[0]]);
        var notes = new List<string>();
        var progress = true;
        while (progress)
        {
            progress = false;
            foreach (var i in others.ToList())
            {
                var on = await JoinColumnsAsync(connection, joined, staged[i], mappings[i], cancellationToken);
                if (on.Count == 0)
                {
                    continue;
                }

                await EnsureUniqueAsync(connection, staged[i], on.Select(o => o.Dimension).ToList(), cancellationToken);
                notes.Add(await joined.AddAsync(connection, staged[i], mappings[i], on, cancellationToken));
                others.Remove(i);
                progress = true;
            }
        }

        if (joined.Dimensions == 0)
        {
            return new(staged, []);
        }

        var table = await joined.CreateAsync(connection, cancellationToken);
        var rest = staged.Where((t, i) => i != facts[0] && others.Contains(i)).ToList();
        return new([table, .. rest], notes);
    }

    /// <summary>The columns a table shares with the joined fact: by name, else an id column of the table found among the fact's values.</summary>
    private static async Task<IReadOnlyList<(int Fact, int Dimension)>> JoinColumnsAsync(DuckDBConnection connection, JoinedTable joined, StagedTable dimension, ImportMapping mapping, CancellationToken cancellationToken)
    {
        var byName = new List<(int Fact, int Dimension)>();
        for (var d = 0; d < dimension.Source.Headers.Count; d++)
        {
            var key = HeaderNormaliser.Normalise(dimension.Source.Headers[d]);
            var f = joined.Headers.FindIndex(h => HeaderNormaliser.Normalise(h) == key && key.Length > 0);
            if (f >= 0 && !joined.IsScore(f))
            {
                byName.Add((f, d));
            }
        }

        if (byName.Count > 0)
        {
            return byName;
        }

        // No shared name: an id column of the other table (every value once) that holds at least 90% of a fact column's values.
        for (var d = 0; d < dimension.Source.Headers.Count; d++)
        {
            if (mapping.Columns[d].Role is ColumnRole.Score or ColumnRole.Baseline || !await IsUniqueAsync(connection, dimension, [d], cancellationToken))
            {
                continue;
            }

            for (var f = 0; f < joined.Headers.Count; f++)
            {
                if (!joined.IsScore(f) && await joined.OverlapAsync(connection, f, dimension, d, cancellationToken) >= 0.9)
                {
                    return [(f, d)];
                }
            }
        }

        return [];
    }

    private static async Task EnsureUniqueAsync(DuckDBConnection connection, StagedTable dimension, IReadOnlyList<int> columns, CancellationToken cancellationToken)
    {
        if (!await IsUniqueAsync(connection, dimension, columns, cancellationToken))
        {
            var names = string.Join(", ", columns.Select(c => "'" + dimension.Source.Headers[c] + "'"));
            throw new MappingMismatchException($"{dimension.Source.DisplayName}: several rows have the same {names}, so the results cannot be joined to one of them. Nothing was imported. Import it with a mapping, or make {names} unique.");
        }
    }

    private static async Task<bool> IsUniqueAsync(DuckDBConnection connection, StagedTable table, IReadOnlyList<int> columns, CancellationToken cancellationToken)
    {
        var values = string.Join(", ", columns.Select(table.Value));
        var sql = columns.Count == 1
            ? $"SELECT count({values}) = count(DISTINCT {values}) AND count({values}) > 0 FROM {table.Name}"
            : $"SELECT count(*) = count(DISTINCT ({values})) FROM {table.Name}";
        return await ColumnFacts.ScalarAsync(connection, $"SELECT CASE WHEN ({sql}) THEN 1 ELSE 0 END", cancellationToken) == 1;
    }

    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
