using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;
using static GradeLens.Core.Risk.StudentAttributeSql;

namespace GradeLens.Core.Models;

/// <summary>What exists to model, within the caller's scope: one text for both stores.</summary>
internal static class ModelTargetQueries
{
    /// <summary>Every series x subject with whole-subject results, most students first (the latest series among equals); its earlier series are those of its own organisations.</summary>
    public static async Task<IReadOnlyList<RiskTarget>> TargetsAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, CancellationToken cancellationToken)
    {
        // Each organisation's series in order, and which organisations hold each target.
        var orders = new List<(string Organisation, string Series, int Order)>();
        var holders = new List<(string Organisation, string Series, string Subject)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT organisation, series, min(series_order) FROM assessments
                WHERE {sql.OrganisationCondition(scope, command)} GROUP BY organisation, series
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                orders.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
            }
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT DISTINCT organisation, series, subject FROM assessments WHERE domain = '' AND {sql.OrganisationCondition(scope, command)}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                holders.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        // Which series the students of each target also sat (a national assessment in the same organisation is not a school's mock).
        var shared = new HashSet<(string Series, string Subject, string Other)>();
        await using (var command = connection.CreateCommand())
        {
            var cohort = sql.StudentCondition(scope, command);
            command.CommandText = $"""
                WITH t AS (
                    SELECT DISTINCT r.student_key, a.series, a.subject FROM results r
                    JOIN assessments a ON a.assessment_key = r.assessment_key JOIN students s ON s.student_key = r.student_key
                    WHERE a.domain = '' AND {cohort}),
                taken AS (SELECT DISTINCT r.student_key, a.series FROM results r JOIN assessments a ON a.assessment_key = r.assessment_key)
                SELECT t.series, t.subject, k.series FROM t JOIN taken k ON k.student_key = t.student_key GROUP BY t.series, t.subject, k.series
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                shared.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        IReadOnlyList<string> Earlier(string series, string subject)
        {
            var organisations = holders.Where(h => h.Series == series && h.Subject == subject).Select(h => h.Organisation).ToHashSet(StringComparer.Ordinal);
            var own = orders.Where(o => organisations.Contains(o.Organisation) && shared.Contains((series, subject, o.Series))).ToList();
            var at = own.Where(o => o.Series == series).Select(o => o.Order).DefaultIfEmpty(int.MaxValue).Min();
            return own.Where(o => o.Order < at).GroupBy(o => o.Series).OrderBy(g => g.Min(o => o.Order)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        }

        await using var counts = connection.CreateCommand();
        var students = sql.StudentCondition(scope, counts);
        counts.CommandText = $"""
            SELECT a.series, a.subject, count(DISTINCT r.student_key) AS students,
                   count(DISTINCT CASE WHEN r.score < a.proficiency THEN r.student_key END) AS below, avg(a.proficiency) AS proficiency
            FROM results r
            JOIN assessments a ON a.assessment_key = r.assessment_key
            JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
            WHERE a.domain = '' AND {students}
            GROUP BY a.series, a.subject
            """;
        var list = new List<RiskTarget>();
        await using (var reader = await counts.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (name, subject) = (reader.GetString(0), reader.GetString(1));
                list.Add(new RiskTarget(name, subject, Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                    Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture), reader.GetDouble(4), Earlier(name, subject)));
            }
        }

        // Most students first; among equals the latest series (the outcome an early warning is for), then the subject.
        return [.. list.OrderByDescending(t => t.Students).ThenByDescending(t => t.EarlierSeries.Count).ThenBy(t => t.Subject, StringComparer.Ordinal)];
    }

    /// <summary>Student attributes with 2 to <paramref name="maximumLevels"/> values, protected ones left out, each value with its students.</summary>
    public static async Task<IReadOnlyList<OutcomeColumn>> OutcomeColumnsAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, int maximumLevels, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var students = sql.StudentCondition(scope, command);
        var most = sql.Parameter(command, "most", maximumLevels);
        command.CommandText = $"""
            WITH attributes AS ({AttributesSql(students)}),
            levels AS (SELECT name, value, count(*) AS students FROM attributes GROUP BY name, value),
            columns AS (SELECT name FROM levels GROUP BY name HAVING count(*) BETWEEN 2 AND {most})
            SELECT l.name, l.value, l.students FROM levels l JOIN columns c ON c.name = l.name ORDER BY l.name, l.students DESC, l.value
            """;
        var levels = new List<(string Name, string Value, int Students)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            levels.Add((reader.GetString(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }

        return levels.Where(l => !ProtectedAttributes.IsProtected(l.Name)).GroupBy(l => l.Name)
            .Where(g => !g.All(l => double.TryParse(l.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            .Select(g => new OutcomeColumn(g.Key, g.Sum(l => l.Students), g.Select(l => new OutcomeLevel(l.Value, l.Students)).ToList())).ToList();
    }

    /// <summary>Each series with its students and score columns (subjects and domains).</summary>
    public static async Task<IReadOnlyList<SeriesTable>> TablesAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, CancellationToken cancellationToken)
    {
        var series = await SeriesAsync(connection, sql, scope, cancellationToken);
        await using var command = connection.CreateCommand();
        var students = sql.StudentCondition(scope, command);
        command.CommandText = $"""
            SELECT a.series, count(DISTINCT r.student_key), count(DISTINCT a.subject || '|' || a.domain)
            FROM results r
            JOIN assessments a ON a.assessment_key = r.assessment_key
            JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
            WHERE {students}
            GROUP BY a.series
            """;
        var list = new List<SeriesTable>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new SeriesTable(reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }

        return [.. list.OrderBy(t => series.FirstOrDefault(s => s.Series == t.Series)?.Order ?? int.MaxValue).ThenBy(t => t.Series, StringComparer.Ordinal)];
    }
}
