using DuckDB.NET.Data;
using GradeLens.Core.Quality;

namespace GradeLens.Core.Storage.DuckDb;

/// <summary>Replaces an organisation's quality tables in one transaction, with DuckDB appenders.</summary>
internal static class DuckDbQualityWriter
{
    private static readonly string[] Tables =
        ["he_programmes", "he_modules", "he_enrolments", "he_assessments", "he_grades", "he_surveys", "he_support_visits"];

    public static async Task ReplaceAsync(DuckDBConnection connection, QualityData data, string organisation, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in Tables)
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM {table} WHERE organisation = $org";
            delete.Parameters.Add(new DuckDBParameter("org", organisation));
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        Append(connection, "he_programmes", data.Programmes, (row, p) => row.AppendValue(organisation).AppendValue(p.ProgrammeId).AppendValue(p.Name).AppendValue(p.Faculty));
        Append(connection, "he_modules", data.Modules, (row, m) => row.AppendValue(organisation).AppendValue(m.ModuleId).AppendValue(m.ProgrammeId).AppendValue(m.Title).AppendValue(m.Term));
        Append(connection, "he_enrolments", data.Enrolments, (row, e) => row.AppendValue(organisation).AppendValue(e.StudentId).AppendValue(e.ModuleId));
        Append(connection, "he_assessments", data.Assessments, (row, a) => row.AppendValue(organisation).AppendValue(a.AssessmentId).AppendValue(a.ModuleId).AppendValue(a.Title).AppendValue(a.DueOn).AppendValue(a.ReturnedOn).AppendValue(a.Weight));
        Append(connection, "he_grades", data.Grades, (row, g) => row.AppendValue(organisation).AppendValue(g.StudentId).AppendValue(g.AssessmentId).AppendValue(g.SubmittedOn).AppendValue(g.Grade));
        Append(connection, "he_surveys", data.Surveys, (row, s) => row.AppendValue(organisation).AppendValue(s.StudentId).AppendValue(s.ModuleId).AppendValue(s.Question).AppendValue(s.Score));
        Append(connection, "he_support_visits", data.SupportVisits, (row, v) => row.AppendValue(organisation).AppendValue(v.StudentId).AppendValue(v.ModuleId).AppendValue(v.VisitedOn));
        await transaction.CommitAsync(cancellationToken);
    }

    private static void Append<T>(DuckDBConnection connection, string table, IReadOnlyList<T> rows, Func<IDuckDBAppenderRow, T, IDuckDBAppenderRow> write)
    {
        using var appender = connection.CreateAppender(table);
        foreach (var item in rows)
        {
            write(appender.CreateRow(), item).EndRow();
        }
    }
}
