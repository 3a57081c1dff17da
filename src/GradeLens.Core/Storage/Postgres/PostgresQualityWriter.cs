using GradeLens.Core.Quality;
using Npgsql;
using NpgsqlTypes;

namespace GradeLens.Core.Storage.Postgres;

/// <summary>Replaces an organisation's quality tables in one transaction, with binary COPY.</summary>
internal static class PostgresQualityWriter
{
    private static readonly string[] Tables =
        ["he_programmes", "he_modules", "he_enrolments", "he_assessments", "he_grades", "he_surveys", "he_support_visits"];

    public static async Task ReplaceAsync(NpgsqlConnection connection, QualityData data, string organisation, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in Tables)
        {
            await using var delete = new NpgsqlCommand($"DELETE FROM {table} WHERE organisation = @org", connection, transaction);
            PostgresScopeSql.Text(delete, "org", organisation);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyAsync(connection, "he_programmes", data.Programmes, p => [organisation, p.ProgrammeId, p.Name, p.Faculty], cancellationToken);
        await CopyAsync(connection, "he_modules", data.Modules, m => [organisation, m.ModuleId, m.ProgrammeId, m.Title, m.Term], cancellationToken);
        await CopyAsync(connection, "he_enrolments", data.Enrolments, e => [organisation, e.StudentId, e.ModuleId], cancellationToken);
        await CopyAsync(connection, "he_assessments", data.Assessments, a => [organisation, a.AssessmentId, a.ModuleId, a.Title, a.DueOn, a.ReturnedOn, a.Weight], cancellationToken);
        await CopyAsync(connection, "he_grades", data.Grades, g => [organisation, g.StudentId, g.AssessmentId, g.SubmittedOn, g.Grade], cancellationToken);
        await CopyAsync(connection, "he_surveys", data.Surveys, s => [organisation, s.StudentId, s.ModuleId, s.Question, s.Score], cancellationToken);
        await CopyAsync(connection, "he_support_visits", data.SupportVisits, v => [organisation, v.StudentId, v.ModuleId, v.VisitedOn], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var value in values(row))
            {
                await (value switch
                {
                    null => importer.WriteNullAsync(cancellationToken),
                    string text => importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
                    DateOnly date => importer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken),
                    DateTime time => importer.WriteAsync(DateOnly.FromDateTime(time), NpgsqlDbType.Date, cancellationToken),
                    double number => importer.WriteAsync(number, NpgsqlDbType.Double, cancellationToken),
                    int whole => importer.WriteAsync(whole, NpgsqlDbType.Integer, cancellationToken),
                    _ => throw new ArgumentOutOfRangeException(nameof(values), value.GetType(), "not a quality column type"),
                });
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }
}
