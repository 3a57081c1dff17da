using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import.Staging;

/// <summary>
/// Every check a students table must pass, as SQL over <c>scored_N</c>. Writes <c>bad_N</c>
/// (row_index, header, value, reason): one row per problem, so a row may appear more than once.
/// Checks that compare rows use a cheap aggregate to find the (rare) keys concerned first.
/// </summary>
internal static class StudentValidation
{
    public static async Task CreateBadRowsAsync(DuckDBConnection connection, StudentRows rows, ImportMapping mapping, string suffix, CancellationToken cancellationToken)
    {
        var firstLine = rows.Table.Source.FirstDataLine.ToString(CultureInfo.InvariantCulture);
        await CreateRepeatedCellsAsync(connection, suffix, cancellationToken);
        ImportTrace.Mark("repeated cells");
        var checks = new List<string>
        {
            // Each distinct value's reason was decided once (ScaleResolver's parsed_N); the rows only carry it.
            $"SELECT row_index, score_column, raw, reason FROM scored_{suffix} WHERE reason IS NOT NULL",
            $"""
            SELECT v.row_index, v.score_column, v.raw,
                   'the same student, subject and series already has the value ' || f.first_raw || ' on line ' || (f.first_row + {firstLine})::VARCHAR
            FROM scored_{suffix} v
            JOIN (SELECT * FROM cells_{suffix} WHERE lo <> hi) f
              ON f.student_id = v.student_id AND f.subject = v.subject AND f.series = v.series AND f.domain = v.domain AND f.is_baseline = v.is_baseline
            WHERE v.row_index <> f.first_row AND v.raw <> f.first_raw
            """,
        };

        if (rows.HasStudentId)
        {
            checks.Add($"SELECT DISTINCT row_index, {Sql.Text(Header(mapping, ColumnRole.StudentId))}, NULL, 'the student id is empty' FROM scored_{suffix} WHERE student_id IS NULL");
        }

        foreach (var role in new[] { ColumnRole.Subject, ColumnRole.Series })
        {
            if (rows.Index(role) is { } index)
            {
                var unmatched = rows.Table.Unmatched is { } orphan ? $" AND NOT ({orphan})" : "";
                checks.Add($"SELECT row_index, {Sql.Text(mapping.Columns[index].Header)}, NULL, 'the {role.ToString().ToLowerInvariant()} is empty' FROM {rows.Table.Name} WHERE {rows.Table.Value(index)} IS NULL{unmatched}");
            }
        }

        if (rows.Index(ColumnRole.Date) is { } date)
        {
            checks.Add($"SELECT DISTINCT row_index, {Sql.Text(mapping.Columns[date].Header)}, taken_raw, 'not a date (write it as YYYY-MM-DD or DD/MM/YYYY)' FROM scored_{suffix} WHERE taken_raw IS NOT NULL AND taken_on IS NULL");
        }

        if (rows.Index(ColumnRole.MaxScore) is { } max)
        {
            checks.Add($"SELECT row_index, score_column, raw, 'above the assessment''s maximum score (' || row_max || ')' FROM scored_{suffix} WHERE row_max IS NOT NULL AND score > row_max");
            checks.Add($"SELECT DISTINCT row_index, {Sql.Text(mapping.Columns[max].Header)}, max_raw, 'not a maximum score (a positive number)' FROM scored_{suffix} WHERE max_raw IS NOT NULL AND (row_max IS NULL OR row_max <= 0)");
        }

        var plan = rows.Plan;
        var fixedPerStudent = mapping.Columns.Select((c, i) => (c, i))
            .Where(x => x.c.Role is ColumnRole.School or ColumnRole.Region or ColumnRole.GradeLevel or ColumnRole.Gender or ColumnRole.Attribute)
            .Where(x => !plan.PerEnrolment.Contains(x.i) && !plan.Key.Contains(x.i))
            .ToList();
        if (rows.HasStudentId)
        {
            checks.AddRange(fixedPerStudent.Select(x => ConflictCheck(rows, x.c, x.i, suffix, firstLine)));
        }

        checks.AddRange(rows.Table.ExtraChecks);
        var sql = new StringBuilder($"CREATE OR REPLACE TEMP TABLE bad_{suffix} AS SELECT * FROM (");
        sql.AppendJoin("\nUNION ALL\n", checks.Select(c => "(" + c + ")"));
        sql.Append(") AS t(row_index, header, value, reason)");
        await using var command = connection.CreateCommand();
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Student x subject x series cells given more than once: <c>cells_N</c> (n, lo, hi, first row). One aggregate
    /// serves both the conflicting-value check (lo &lt;&gt; hi) and the duplicate count (lo = hi). The cells are first
    /// grouped by one hash of their key (an integer, so the grouping of every cell is cheap); only the (rare) hashes seen
    /// twice — repeats, or a collision that the exact grouping then drops — are grouped by their key.
    /// </summary>
    private static async Task CreateRepeatedCellsAsync(DuckDBConnection connection, string suffix, CancellationToken cancellationToken)
    {
        const string Key = "hash(student_id, subject, series, domain, is_baseline)";
        const string Scored = "score IS NOT NULL AND student_id IS NOT NULL";
        await PreparedTable.ExecuteAsync(connection, $"""
            CREATE OR REPLACE TEMP TABLE cellkeys_{suffix} AS
            SELECT h FROM (SELECT {Key} AS h FROM scored_{suffix} WHERE {Scored}) GROUP BY h HAVING count(*) > 1
            """, cancellationToken);
        var repeated = await ColumnFacts.ScalarAsync(connection, $"SELECT count(*) FROM cellkeys_{suffix}", cancellationToken) > 0;
        await PreparedTable.ExecuteAsync(connection, $"""
            CREATE OR REPLACE TEMP TABLE cells_{suffix} AS
            SELECT student_id, subject, series, domain, is_baseline, count(*) AS n, min(score) AS lo, max(score) AS hi,
                   arg_min(raw, row_index) AS first_raw, min(row_index) AS first_row
            FROM scored_{suffix} WHERE {Scored} AND {(repeated ? $"{Key} IN (SELECT h FROM cellkeys_{suffix})" : "false")}
            GROUP BY ALL HAVING count(*) > 1
            """, cancellationToken);
    }

    /// <summary>
    /// Rows of conflicted students (<c>conflicted_N</c>, see <see cref="Conflicts"/>) whose fixed attribute (gender,
    /// school...) differs from the value on the student's first row; on enrolment rows an attribute is compared within
    /// its key (the student in one course), and the reason names the key.
    /// </summary>
    private static string ConflictCheck(StudentRows rows, ColumnMapping column, int index, string suffix, string firstLine)
    {
        var value = rows.Table.Value(index);
        var id = rows.Table.Value(rows.Index(ColumnRole.StudentId)!.Value);
        var byKey = rows.Plan.IsEnrolments && column.Role == ColumnRole.Attribute;
        var parts = new[] { id }.Concat(byKey ? rows.Plan.Key.Select(rows.Table.Value) : []).ToList();
        var keys = string.Join(", ", parts.Select((k, n) => $"{k} AS k{n.ToString(CultureInfo.InvariantCulture)}"));
        var join = string.Join(" AND ", parts.Select((_, n) => $"f.k{n.ToString(CultureInfo.InvariantCulture)} IS NOT DISTINCT FROM s.k{n.ToString(CultureInfo.InvariantCulture)}"));
        var line = $"(f.first_row + {firstLine})::VARCHAR";
        var reason = byKey
            ? $"{Sql.Text("the key " + rows.Plan.Describe(rows.Mapping) + " repeats with another value: '")} || f.first_v || ''' on line ' || {line}"
            : $"'this student has ''' || f.first_v || ''' on line ' || {line} || ' of the file'";
        return $"""
            SELECT s.row_index, {Sql.Text(column.Header)}, s.v, {reason}
            FROM (SELECT row_index, {keys}, {value} AS v FROM {rows.Table.Name}
                  WHERE {id} IN (SELECT id FROM conflicted_{suffix}) AND {value} IS NOT NULL) s
            JOIN (SELECT {keys}, arg_min({value}, row_index) AS first_v, min(row_index) AS first_row
                  FROM {rows.Table.Name} WHERE {id} IN (SELECT id FROM conflicted_{suffix}) AND {value} IS NOT NULL
                  GROUP BY ALL) f ON {join}
            WHERE s.v <> f.first_v
            """;
    }

    private static string Header(ImportMapping mapping, ColumnRole role) => mapping.Columns.First(c => c.Role == role).Header;
}
