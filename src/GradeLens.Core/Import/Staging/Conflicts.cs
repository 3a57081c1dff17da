using System.Globalization;
using DuckDB.NET.Data;

namespace GradeLens.Core.Import.Staging;

/// <summary>
/// The students whose rows disagree on a fixed column (gender, school, an attribute), found with one grouping of the stage:
/// <c>conflicted_N (id, d0, d1...)</c>, a flag per column (true: the column differs among the student's rows). Every later
/// question (which columns vary, whether a key explains them) looks at those few students only.
/// </summary>
internal static class Conflicts
{
    public static async Task CreateAsync(DuckDBConnection connection, StagedTable table, int? idIndex, IReadOnlyList<int> columns, string suffix, CancellationToken cancellationToken)
    {
        if (idIndex is not { } index || columns.Count == 0)
        {
            await PreparedTable.ExecuteAsync(connection, $"CREATE OR REPLACE TEMP TABLE conflicted_{suffix} (id VARCHAR)", cancellationToken);
            return;
        }

        // First by hashes (integers: a cheap grouping of every row): the ids whose rows may disagree, a superset (a hash
        // collision only adds a candidate); then the exact grouping of those few students' rows.
        var id = table.Value(index);
        var hashed = columns.Select(i => $"CASE WHEN {table.Value(i)} IS NOT NULL THEN hash({table.Value(i)}) END").ToList();
        await PreparedTable.ExecuteAsync(connection, $"""
            CREATE OR REPLACE TEMP TABLE conflictkeys_{suffix} AS
            SELECT h FROM (SELECT hash({id}) AS h, {string.Join(", ", hashed.Select((v, n) => $"{v} AS v{n.ToString(CultureInfo.InvariantCulture)}"))}
                           FROM {table.Name} WHERE {id} IS NOT NULL)
            GROUP BY h HAVING {string.Join(" OR ", hashed.Select((_, n) => $"min(v{n.ToString(CultureInfo.InvariantCulture)}) <> max(v{n.ToString(CultureInfo.InvariantCulture)})"))}
            """, cancellationToken);
        var candidates = await ColumnFacts.ScalarAsync(connection, $"SELECT count(*) FROM conflictkeys_{suffix}", cancellationToken) > 0;
        var flags = columns.Select(i => $"min({table.Value(i)}) <> max({table.Value(i)})").ToList();
        await PreparedTable.ExecuteAsync(connection, $"""
            CREATE OR REPLACE TEMP TABLE conflicted_{suffix} AS
            SELECT {id} AS id, {string.Join(", ", flags.Select((f, n) => $"COALESCE({f}, false) AS d{columns[n].ToString(CultureInfo.InvariantCulture)}"))}
            FROM {table.Name} WHERE {id} IS NOT NULL AND {(candidates ? $"hash({id}) IN (SELECT h FROM conflictkeys_{suffix})" : "false")}
            GROUP BY 1 HAVING {string.Join(" OR ", flags)}
            """, cancellationToken);
    }

    /// <summary>The columns that differ among some student's rows.</summary>
    public static async Task<IReadOnlyList<int>> VaryingAsync(DuckDBConnection connection, IReadOnlyList<int> columns, string suffix, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(i => $"COALESCE(bool_or(d{i.ToString(CultureInfo.InvariantCulture)}), false)"))} FROM conflicted_{suffix}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return [.. columns.Where((_, n) => reader.GetBoolean(n))];
    }

    /// <summary>Of <paramref name="columns"/>, those that still differ within one key (student and <paramref name="key"/>) among the conflicted students.</summary>
    public static async Task<IReadOnlyList<int>> WithinKeyAsync(DuckDBConnection connection, StagedTable table, int idIndex, IReadOnlyList<int> key, IReadOnlyList<int> columns, string suffix, CancellationToken cancellationToken)
    {
        var group = string.Join(", ", new[] { idIndex }.Concat(key).Select(table.Value));
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {string.Join(", ", columns.Select(i => $"COALESCE(bool_or(d{i.ToString(CultureInfo.InvariantCulture)}), false)"))}
            FROM (SELECT {string.Join(", ", columns.Select(i => $"min({table.Value(i)}) <> max({table.Value(i)}) AS d{i.ToString(CultureInfo.InvariantCulture)}"))}
                  FROM {table.Name} WHERE {table.Value(idIndex)} IN (SELECT id FROM conflicted_{suffix}) GROUP BY {group})
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return [.. columns.Where((_, n) => !reader.IsDBNull(n) && reader.GetBoolean(n))];
    }

    /// <summary>At most 200 distinct values, not all of them numbers: a column that can name a course or a presentation.</summary>
    public static async Task<bool> NamesContextsAsync(DuckDBConnection connection, StagedTable table, int column, CancellationToken cancellationToken) =>
        await ColumnFacts.ScalarAsync(connection, $"""
            SELECT CASE WHEN count(DISTINCT {table.Value(column)}) <= 200
                         AND count({table.Value(column)}) > count(TRY_CAST({table.Value(column)} AS DOUBLE)) THEN 1 ELSE 0 END
            FROM {table.Name}
            """, cancellationToken) == 1;

}
