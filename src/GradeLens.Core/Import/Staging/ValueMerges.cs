using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import.Staging;

/// <summary>
/// Applies <see cref="ValueSynonyms"/> to a staged table's category columns (gender, school, region, attributes): for an
/// inferred mapping the merges are found from every distinct value (one grouping scan for all columns) and written into
/// the mapping; a given mapping's "values" are used as they are. <see cref="StagedTable.Value"/> then reads merged values.
/// </summary>
internal static class ValueMerges
{
    /// <summary>A column with more distinct values than this is no category: it is left as it is.</summary>
    private const int MaxValues = 200;

    public static async Task<(ImportMapping Mapping, IReadOnlyList<string> Notes)> ApplyAsync(DuckDBConnection connection, StagedTable table, ImportMapping mapping, bool inferred, CancellationToken cancellationToken)
    {
        var columns = mapping.Columns.Select((c, i) => (c, i)).Where(x => x.c.Role is ColumnRole.Gender or ColumnRole.Attribute or ColumnRole.School or ColumnRole.Region).ToList();
        var notes = new List<string>();
        var merged = new Dictionary<int, IReadOnlyDictionary<string, string>>();
        if (!inferred)
        {
            foreach (var (column, index) in columns.Where(x => x.c.Values is { Count: > 0 }))
            {
                merged[index] = column.Values!;
            }

            table.Synonyms = merged;
            return (mapping, notes);
        }

        if (columns.Count == 0 || table.Rows == 0)
        {
            return (mapping, notes);
        }

        var values = columns.ToDictionary(x => x.i, _ => new List<(string Value, long Count)>());
        await using (var command = connection.CreateCommand())
        {
            var sets = string.Join(", ", columns.Select(x => $"({Sql.Column(x.i)})"));
            var flags = string.Join(", ", columns.Select(x => $"GROUPING({Sql.Column(x.i)})"));
            command.CommandText = $"""
                SELECT {string.Join(", ", columns.Select(x => Sql.Column(x.i)))}, {flags}, count(*)
                FROM (SELECT {string.Join(", ", columns.Select(x => $"{table.Value(x.i)} AS {Sql.Column(x.i)}"))} FROM {table.Name})
                GROUP BY GROUPING SETS ({sets})
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var k = 0; k < columns.Count; k++)
                {
                    if (Convert.ToInt64(reader.GetValue(columns.Count + k), CultureInfo.InvariantCulture) == 0 && !reader.IsDBNull(k))
                    {
                        values[columns[k].i].Add((reader.GetString(k), Convert.ToInt64(reader.GetValue(2 * columns.Count), CultureInfo.InvariantCulture)));
                    }
                }
            }
        }

        var updated = mapping.Columns.ToList();
        foreach (var (column, index) in columns)
        {
            var list = values[index];
            if (list.Count > MaxValues || ValueSynonyms.Merge(column.Role, list) is not { Count: > 0 } merges)
            {
                continue;
            }

            merged[index] = merges;
            updated[index] = column with { Values = merges };
            notes.Add(ValueSynonyms.Describe(column.Header, merges, list.ToDictionary(v => v.Value, v => v.Count, StringComparer.Ordinal)));
        }

        table.Synonyms = merged;
        return (mapping with { Columns = updated }, notes);
    }
}
