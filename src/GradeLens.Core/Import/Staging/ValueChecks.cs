using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import.Staging;

/// <summary>
/// What no value of a real table holds, found in one scan of the mapped columns: invisible characters (a byte-order mark
/// before every id, zero-width spaces) are removed and reported; control characters, ids longer than
/// <see cref="MaxIdLength"/> characters, texts longer than <see cref="MaxTextLength"/> and Excel error values in
/// non-score columns are rejected where they are (score columns say so in their own check).
/// </summary>
internal static class ValueChecks
{
    public const int MaxIdLength = 64;

    public const int MaxTextLength = 500;

    internal const string InvisiblePattern = @"[\x{FEFF}\x{200B}-\x{200D}\x{2060}\x{00AD}]";

    private const string ControlPattern = @"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]";

    /// <summary>An id holds no whitespace control at all: a tab or a line break in one is a damaged file, not a pupil.</summary>
    private const string IdControlPattern = @"[\x00-\x1F\x7F]";

    /// <summary>Scans, marks the columns to clean (<see cref="StagedTable.Invisible"/>), adds the checks; returns the notes for the report.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(DuckDBConnection connection, StagedTable table, ImportMapping mapping, CancellationToken cancellationToken)
    {
        var mapped = mapping.Columns.Select((c, i) => (c, i)).Where(x => x.c.Role is not (ColumnRole.Ignore or ColumnRole.Derived)).ToList();
        if (mapped.Count == 0 || table.Rows == 0)
        {
            return [];
        }

        // One regular expression per row over its mapped values together finds the (rare) tables that need a closer look;
        // the same scan counts every column's facts for the health report (ColumnFacts).
        var counts = new long[mapped.Count, 4];
        var joined = $"concat({string.Join(", ", mapped.Select(x => $"COALESCE({Sql.Column(x.i)}, '')"))})";
        var facts = await ColumnFacts.QueryAsync(connection, table, mapping.Columns.Count, cancellationToken);
        var offset = 4 * facts.Columns;
        await using (var first = connection.CreateCommand())
        {
            first.CommandText = $"""
                SELECT {facts.Aggregates}, count(*) FILTER (WHERE regexp_matches({joined}, '{IdControlPattern}|{InvisiblePattern}|#')),
                       {string.Join(", ", mapped.Select(x => $"COALESCE(max(length({Sql.Column(x.i)})), 0)"))}
                FROM (SELECT *, {facts.Inner} FROM {table.Name})
                """;
            await using var reader = await first.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            table.Facts = facts.Read(reader, 0);
            for (var k = 0; k < mapped.Count; k++)
            {
                counts[k, 2] = Convert.ToInt64(reader.GetValue(offset + k + 1), CultureInfo.InvariantCulture);
            }

            if (Convert.ToInt64(reader.GetValue(offset), CultureInfo.InvariantCulture) == 0)
            {
                AddChecks(table, mapped, counts, [], []);
                return [];
            }
        }

        var aggregates = mapped.Select(x => (c: Sql.Column(x.i), control: ControlOf(x.c.Role))).Select(x =>
            $"count(*) FILTER (WHERE regexp_matches({x.c}, '{InvisiblePattern}')), count(*) FILTER (WHERE regexp_matches({x.c}, '{x.control}')), " +
            $"COALESCE(max(length({x.c})), 0), count(*) FILTER (WHERE {ExcelErrors.Condition($"trim({x.c})")})");
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {string.Join(", ", aggregates)} FROM {table.Name}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            for (var k = 0; k < mapped.Count; k++)
            {
                for (var j = 0; j < 4; j++)
                {
                    counts[k, j] = Convert.ToInt64(reader.GetValue(4 * k + j), CultureInfo.InvariantCulture);
                }
            }
        }

        var notes = new List<string>();
        var invisible = new HashSet<int>();
        AddChecks(table, mapped, counts, notes, invisible);
        table.Invisible = invisible;
        return notes;
    }

    private static string ControlOf(ColumnRole role) => role == ColumnRole.StudentId ? IdControlPattern : ControlPattern;

    private static void AddChecks(StagedTable table, IReadOnlyList<(ColumnMapping c, int i)> mapped, long[,] counts, List<string> notes, HashSet<int> invisible)
    {
        for (var k = 0; k < mapped.Count; k++)
        {
            var (column, index) = mapped[k];
            var header = Sql.Text(column.Header);
            if (counts[k, 0] > 0)
            {
                invisible.Add(index);
                notes.Add($"'{column.Header}': {counts[k, 0]} value(s) held invisible characters (byte-order marks or zero-width spaces); they were removed, so equal-looking values are equal.");
            }

            if (counts[k, 1] > 0)
            {
                table.ExtraChecks.Add($"SELECT row_index, {header}, NULL, 'the value holds a control character (such as a NUL or an escape) that no score, id or name has: the file may be damaged' FROM {table.Name} WHERE regexp_matches({Sql.Column(index)}, '{ControlOf(column.Role)}')");
            }

            var limit = column.Role == ColumnRole.StudentId ? MaxIdLength : MaxTextLength;
            if (counts[k, 2] > limit && column.Role is not (ColumnRole.Score or ColumnRole.Baseline))
            {
                var what = column.Role == ColumnRole.StudentId ? "student id" : "value";
                table.ExtraChecks.Add($"SELECT row_index, {header}, left({Sql.Column(index)}, 40) || '...', 'the {what} is ' || length({Sql.Column(index)}) || ' characters long; more than {limit} is refused' FROM {table.Name} WHERE length({Sql.Column(index)}) > {limit}");
            }

            if (counts[k, 3] > 0 && column.Role is not (ColumnRole.Score or ColumnRole.Baseline))
            {
                table.ExtraChecks.Add($"SELECT row_index, {header}, trim({Sql.Column(index)}), {ExcelErrors.Reason($"trim({Sql.Column(index)})")} FROM {table.Name} WHERE {ExcelErrors.Condition($"trim({Sql.Column(index)})")}");
            }
        }
    }
}
