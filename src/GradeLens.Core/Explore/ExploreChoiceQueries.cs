using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Explore;

/// <summary>What the Explore page can offer in scope, one SQL text for both stores: every score with its students, and every attribute with its number of levels.</summary>
internal static class ExploreChoiceQueries
{
    /// <summary>Scores (subject, series, domain) with at least the minimum students, most students first.</summary>
    public static async Task<IReadOnlyList<ExploreScoreChoice>> ScoresAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var students = sql.StudentCondition(scope, command);
        var minimum = sql.Parameter(command, "min_n", scope.AggregatesOnly ? scope.MinimumCellSize : 1);
        command.CommandText = $"""
            SELECT a.subject, a.series, a.domain, min(a.series_order), count(DISTINCT r.student_key) AS n
            FROM results r
            JOIN assessments a ON a.assessment_key = r.assessment_key
            JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
            WHERE {students}
            GROUP BY a.subject, a.series, a.domain HAVING count(DISTINCT r.student_key) >= {minimum}
            ORDER BY n DESC, a.subject, min(a.series_order), a.series, a.domain
            """;
        var scores = new List<ExploreScoreChoice>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            scores.Add(new ExploreScoreChoice(reader.GetString(0), reader.GetString(1), reader.GetString(2), Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture)));
        }

        return scores;
    }

    /// <summary>Every attribute of the students in scope (the student columns and the imported ones) with its number of distinct recorded values.</summary>
    public static async Task<IReadOnlyList<ExploreAttributeChoice>> AttributesAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var students = sql.StudentCondition(scope, command);
        var columns = string.Join("\n UNION ALL ", ExploreQueries.StudentColumns.Select(c =>
            $"SELECT '{c}' AS name, count(DISTINCT s.{c}) AS levels, count(s.{c}) AS recorded FROM students s WHERE {students}"));
        command.CommandText = $"""
            SELECT name, levels, recorded FROM (
                {columns}
                UNION ALL
                SELECT t.name, count(DISTINCT t.value), count(t.value) FROM student_attributes t JOIN students s ON s.student_key = t.student_key
                WHERE {students} GROUP BY t.name) AS attributes
            WHERE recorded > 0
            ORDER BY name
            """;
        var attributes = new List<ExploreAttributeChoice>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            attributes.Add(new ExploreAttributeChoice(reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)));
        }

        return attributes;
    }
}
