using System.Data.Common;
using DuckDB.NET.Data;
using GradeLens.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace GradeLens.Core.Quality;

/// <summary>
/// Replaces an organisation's higher-education quality tables in one transaction, one writer for both stores: the
/// deletes and the import-log row in shared SQL; the bulk rows by DuckDB's appender or PostgreSQL's binary COPY, side
/// by side. The log row changes the store's data version, so kept answers on every server see the new tables.
/// </summary>
public static class QualityWrites
{
    private static readonly string[] Tables =
        ["he_programmes", "he_modules", "he_enrolments", "he_assessments", "he_grades", "he_surveys", "he_support_visits"];

    public static async Task WriteQualityAsync(this IGradeStore store, QualityData data, string organisation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(data);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in Tables)
        {
            await ExecuteAsync(connection, transaction, store.Sql, $"DELETE FROM {table} WHERE organisation = $org", organisation, cancellationToken);
        }

        var rows = new List<(string Table, IEnumerable<object?[]> Rows)>
        {
            ("he_programmes", data.Programmes.Select(p => new object?[] { organisation, p.ProgrammeId, p.Name, p.Faculty })),
            ("he_modules", data.Modules.Select(m => new object?[] { organisation, m.ModuleId, m.ProgrammeId, m.Title, m.Term })),
            ("he_enrolments", data.Enrolments.Select(e => new object?[] { organisation, e.StudentId, e.ModuleId })),
            ("he_assessments", data.Assessments.Select(a => new object?[] { organisation, a.AssessmentId, a.ModuleId, a.Title, a.DueOn, a.ReturnedOn, a.Weight })),
            ("he_grades", data.Grades.Select(g => new object?[] { organisation, g.StudentId, g.AssessmentId, g.SubmittedOn, g.Grade })),
            ("he_surveys", data.Surveys.Select(s => new object?[] { organisation, s.StudentId, s.ModuleId, s.Question, s.Score })),
            ("he_support_visits", data.SupportVisits.Select(v => new object?[] { organisation, v.StudentId, v.ModuleId, v.VisitedOn })),
        };
        foreach (var (table, values) in rows)
        {
            await (connection switch
            {
                DuckDBConnection duck => AppendAsync(duck, table, values),
                NpgsqlConnection postgres => CopyAsync(postgres, table, values, cancellationToken),
                _ => throw new ArgumentException("Not a GradeLens store connection.", nameof(store)),
            });
        }

        var total = data.Programmes.Count + data.Modules.Count + data.Enrolments.Count + data.Assessments.Count + data.Grades.Count + data.Surveys.Count + data.SupportVisits.Count;
        await ExecuteAsync(connection, transaction, store.Sql,
            $"INSERT INTO import_log VALUES (CAST(now() AS TIMESTAMP), $org, '(university quality tables)', '', {total}, 0, 'quality tables replaced')", organisation, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, StoreSqlDialect sql, string text, string organisation, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        sql.Parameter(command, "org", organisation);
        command.CommandText = sql.Parameters(text);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task AppendAsync(DuckDBConnection connection, string table, IEnumerable<object?[]> rows)
    {
        using var appender = connection.CreateAppender(table);
        foreach (var values in rows)
        {
            var row = appender.CreateRow();
            foreach (var value in values)
            {
                row = value switch
                {
                    null => row.AppendNullValue(),
                    string text => row.AppendValue(text),
                    DateOnly date => row.AppendValue(date),
                    double number => row.AppendValue(number),
                    int whole => row.AppendValue(whole),
                    _ => throw new ArgumentOutOfRangeException(nameof(rows), value.GetType(), "not a quality column type"),
                };
            }

            row.EndRow();
        }

        return Task.CompletedTask;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var values in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var value in values)
            {
                await (value switch
                {
                    null => importer.WriteNullAsync(cancellationToken),
                    string text => importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
                    DateOnly date => importer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken),
                    double number => importer.WriteAsync(number, NpgsqlDbType.Double, cancellationToken),
                    int whole => importer.WriteAsync(whole, NpgsqlDbType.Integer, cancellationToken),
                    _ => throw new ArgumentOutOfRangeException(nameof(rows), value.GetType(), "not a quality column type"),
                });
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }
}
