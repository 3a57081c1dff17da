using System.Data.Common;
using System.Globalization;

namespace GradeLens.Core.Import.Writing;

/// <summary>Reads <see cref="ChangeCapture.ListSql"/> into the report's changes, and checks incoming scales against stored ones.</summary>
internal static class ChangeList
{
    public const int Listed = 1000;

    public static async Task<(IReadOnlyList<ValueChange> Changes, long Total)> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var changes = new List<ValueChange>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var kind = reader.GetString(0);
            var item = reader.IsDBNull(2) ? "" : reader.GetString(2);
            var what = kind switch
            {
                "result" => item,
                "baseline" => "baseline " + item,
                "enrolment_attribute" => $"{item} ({(reader.IsDBNull(3) ? "" : reader.GetString(3))})",
                _ => item,
            };
            changes.Add(new ValueChange(reader.GetString(1), what, Value(reader, 4, 5), Value(reader, 6, 7)));
            total = Convert.ToInt64(reader.GetValue(8), CultureInfo.InvariantCulture);
        }

        return (changes, total);
    }

    /// <summary>
    /// The stored assessments the incoming ones would join on another scale ("Mathematics / Final" on gcse-9-1 while the
    /// file's scores look like percent), with the range of the incoming scores: scores that fit the stored scale are on it.
    /// </summary>
    public static string ScaleConflictsSql(string assessments, string results, string organisation) => $"""
        SELECT i.subject, i.series, i.scale_id, a.scale, a.max_score, min(r.score), max(r.score), bool_or(r.score * 2 <> floor(r.score * 2)), bool_or(r.score <> floor(r.score))
        FROM {assessments} i
        JOIN assessments a ON a.organisation = {organisation} AND a.series = i.series AND a.subject = i.subject AND a.domain = i.domain
        JOIN {results} r ON r.series = i.series AND r.subject = i.subject AND r.domain = i.domain
        WHERE a.scale <> i.scale_id
        GROUP BY i.subject, i.series, i.scale_id, a.scale, a.max_score ORDER BY i.subject, i.series
        """;

    /// <summary>Refuses, with the question, the first incoming assessment whose scores do not fit the scale it is stored on.</summary>
    public static async Task ThrowOnScaleConflictAsync(DbCommand command, string file, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var stored = Mapping.GradeScales.ById(reader.GetString(3), reader.GetDouble(4));
            var (low, high) = (reader.GetDouble(5), reader.GetDouble(6));
            var (halves, fractions) = (reader.GetBoolean(7), reader.GetBoolean(8));
            var fits = low >= stored.Minimum && high <= reader.GetDouble(4)
                && (!stored.WholeGradesOnly || (stored.AllowsHalfGrades ? !halves : !fractions));
            if (!fits)
            {
                throw new ImportQuestionException(ImportQuestions.ScaleConflict(file, reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }
    }

    private static string Value(DbDataReader reader, int number, int text) =>
        !reader.IsDBNull(number) ? reader.GetDouble(number).ToString("0.###", CultureInfo.InvariantCulture) + (reader.IsDBNull(text) ? "" : $" ({reader.GetString(text)})")
        : !reader.IsDBNull(text) ? reader.GetString(text)
        : "(none)";
}

/// <summary>An import stopped to ask (a scale that differs from the stored one): nothing was written.</summary>
public sealed class ImportQuestionException(string message) : Exception(message);
