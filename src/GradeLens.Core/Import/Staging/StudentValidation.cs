using System.Text;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import.Staging;

/// <summary>
/// Every check a students table must pass, as SQL over <c>scored_N</c>. Writes <c>bad_N</c>
/// (row_index, header, value, reason): one row per problem, so a row may appear more than once.
/// </summary>
internal static class StudentValidation
{
    public static async Task CreateBadRowsAsync(DuckDBConnection connection, StudentRows rows, ImportMapping mapping, string suffix, CancellationToken cancellationToken)
    {
        var checks = new List<string>
        {
            $"""
            SELECT row_index, score_column, raw, '''' || raw || ''' is not a number or grade on the ' || scale_name || ' scale'
            FROM scored_{suffix} WHERE raw IS NOT NULL AND score IS NULL
            """,
            $"""
            SELECT row_index, score_column, raw, 'outside the ' || scale_name || ' scale (' || min_value || ' to ' || max_value || ')'
            FROM scored_{suffix} WHERE score < min_value OR score > max_value
            """,
            $"""
            SELECT row_index, score_column, raw, 'not a whole or half grade on the ' || scale_name || ' scale'
            FROM scored_{suffix} WHERE half_grades AND score IS NOT NULL AND (score * 2) % 1 <> 0
            """,
            $"""
            SELECT row_index, score_column, raw, 'the same student, subject and series already has the value ' || first_raw || ' on line ' || (first_row + 0)::VARCHAR
            FROM (SELECT row_index, score_column, raw, score,
                         first_value(raw) OVER w AS first_raw, first_value(row_index) OVER w AS first_row,
                         count(DISTINCT score) OVER (PARTITION BY student_id, subject, series, domain, is_baseline) AS values_seen
                  FROM scored_{suffix} WHERE score IS NOT NULL AND student_id IS NOT NULL
                  WINDOW w AS (PARTITION BY student_id, subject, series, domain, is_baseline ORDER BY row_index))
            WHERE values_seen > 1 AND row_index <> first_row AND raw <> first_raw
            """,
        };

        if (rows.HasStudentId)
        {
            checks.Add($"SELECT DISTINCT row_index, {Sql.Text(Header(mapping, ColumnRole.StudentId))}, NULL, 'the student id is empty' FROM {rows.ViewName} WHERE student_id IS NULL");
        }

        if (rows.Index(ColumnRole.Subject) is { } subject)
        {
            checks.Add($"SELECT row_index, {Sql.Text(mapping.Columns[subject].Header)}, NULL, 'the subject is empty' FROM {rows.Table.Name} WHERE NULLIF(trim({Sql.Column(subject)}), '') IS NULL");
        }

        if (rows.Index(ColumnRole.Series) is { } series)
        {
            checks.Add($"SELECT row_index, {Sql.Text(mapping.Columns[series].Header)}, NULL, 'the series is empty' FROM {rows.Table.Name} WHERE NULLIF(trim({Sql.Column(series)}), '') IS NULL");
        }

        if (rows.Index(ColumnRole.Date) is { } date)
        {
            checks.Add($"SELECT DISTINCT row_index, {Sql.Text(mapping.Columns[date].Header)}, taken_raw, 'not a date (write it as YYYY-MM-DD or DD/MM/YYYY)' FROM scored_{suffix} WHERE taken_raw IS NOT NULL AND taken_on IS NULL");
        }

        if (rows.HasStudentId)
        {
            var fixedPerStudent = mapping.Columns.Select((c, i) => (c, i))
                .Where(x => x.c.Role is ColumnRole.School or ColumnRole.Region or ColumnRole.GradeLevel or ColumnRole.Gender or ColumnRole.Attribute);
            checks.AddRange(fixedPerStudent.Select(x => ConflictCheck(rows, x.c.Header, x.i)));
        }

        var sql = new StringBuilder($"CREATE OR REPLACE TEMP TABLE bad_{suffix} AS SELECT * FROM (");
        sql.AppendJoin("\nUNION ALL\n", checks.Select(c => "(" + c + ")"));
        sql.Append(") AS t(row_index, header, value, reason)");
        await using var command = connection.CreateCommand();
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A student whose rows disagree on a fixed attribute (two genders): every row after the first one that differs.</summary>
    private static string ConflictCheck(StudentRows rows, string header, int index)
    {
        var column = $"NULLIF(trim({Sql.Column(index)}), '')";
        var id = $"NULLIF(trim({Sql.Column(rows.Index(ColumnRole.StudentId)!.Value)}), '')";
        return $"""
            SELECT row_index, {Sql.Text(header)}, v, 'this student has ''' || first_v || ''' on line ' || first_row::VARCHAR || ' of the file'
            FROM (SELECT row_index, {column} AS v,
                         first_value({column}) OVER w AS first_v, first_value(row_index) OVER w AS first_row
                  FROM {rows.Table.Name} WHERE {id} IS NOT NULL AND {column} IS NOT NULL
                  WINDOW w AS (PARTITION BY {id} ORDER BY row_index))
            WHERE v <> first_v
            """;
    }

    private static string Header(ImportMapping mapping, ColumnRole role) => mapping.Columns.First(c => c.Role == role).Header;
}
