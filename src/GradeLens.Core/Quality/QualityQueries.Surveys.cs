using System.Data.Common;
using GradeLens.Core.Storage;
using static GradeLens.Core.Quality.QualityScopeSql;

namespace GradeLens.Core.Quality;

/// <summary>Survey sufficient statistics: responses and score sums, from single answers or from a tool's module rows.</summary>
internal sealed record SurveyTotals(string Source, long Responses, double ScoreSum)
{
    public double? Mean => Responses > 0 ? ScoreSum / Responses : null;
}

internal static partial class QualityQueries
{
    /// <summary>Per scoped module (key organisation + module id, or programme id + term), its survey totals: answers when it has them, else summaries.</summary>
    public static async Task<IReadOnlyDictionary<(string, string), SurveyTotals>> SurveyTotalsAsync(
        DbConnection connection, StoreSqlDialect sql, Scope scope, QualityFilter filter, bool perProgrammeTerm, CancellationToken cancellationToken)
    {
        var keys = perProgrammeTerm ? "sm.programme_id, sm.term" : "sm.organisation, sm.module_id";
        await using var command = connection.CreateCommand();
        string Org(string alias) => sql.OrganisationCondition(scope, command, alias + ".organisation");
        command.CommandText = sql.Parameters($"""
            WITH {ScopedModules(sql, scope, filter, command)}
            SELECT {keys}, 'answers', count(*), sum(CAST(a.score AS DOUBLE PRECISION))
            FROM he_survey_answers a JOIN scoped_modules sm ON {On(scope, "sm", "a", "module_id")}
            WHERE {Org("a")}
            GROUP BY {keys}
            UNION ALL
            SELECT {keys}, 'summaries', CAST(sum(s.responses) AS BIGINT), sum(s.mean_score * s.responses)
            FROM he_survey_summaries s JOIN scoped_modules sm ON {On(scope, "sm", "s", "module_id")}
            WHERE {Org("s")}
            GROUP BY {keys}
            """);
        var totals = new Dictionary<(string, string), SurveyTotals>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (Text(reader, 0), Text(reader, 1));
            var row = new SurveyTotals(Text(reader, 2), Long(reader, 3), NullableDouble(reader, 4) ?? 0);
            if (!totals.TryGetValue(key, out var existing) || existing.Source != "answers")
            {
                totals[key] = row;
            }
        }

        return totals;
    }

    /// <summary>% positive per theme and question from single answers, with the students invited (enrolled where it was asked).</summary>
    public static async Task<IReadOnlyList<(string Theme, string Question, long Responses, long Positive, double ScoreSum, long Invited)>> AnswerCountsAsync(
        DbConnection connection, StoreSqlDialect sql, Scope scope, QualityFilter filter, QualityOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var command = connection.CreateCommand();
        string Org(string alias) => sql.OrganisationCondition(scope, command, alias + ".organisation");
        command.CommandText = sql.Parameters($"""
            WITH {ScopedModules(sql, scope, filter, command)},
            answers AS (
                SELECT a.organisation, a.module_id, coalesce(a.theme, '') AS theme, a.question, a.score
                FROM he_survey_answers a JOIN scoped_modules sm ON {On(scope, "sm", "a", "module_id")}
                WHERE {Org("a")}),
            asked AS (SELECT DISTINCT organisation, module_id, theme, question FROM answers),
            invited AS (
                SELECT k.theme, k.question, count(*) AS invited
                FROM asked k JOIN he_enrolments e ON {On(scope, "e", "k", "module_id")}
                WHERE {Org("e")}
                GROUP BY k.theme, k.question),
            counts AS (
                SELECT theme, question, count(*) AS responses, count(*) FILTER (WHERE score >= {sql.Parameter(command, "positive_from", options.Surveys.PositiveFrom)}) AS positive,
                       sum(CAST(score AS DOUBLE PRECISION)) AS score_sum
                FROM answers GROUP BY theme, question)
            SELECT c.theme, c.question, c.responses, c.positive, c.score_sum, coalesce(i.invited, 0)
            FROM counts c LEFT JOIN invited i ON i.theme = c.theme AND i.question = c.question
            """);
        var rows = new List<(string, string, long, long, double, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((Text(reader, 0), Text(reader, 1), Long(reader, 2), Long(reader, 3), NullableDouble(reader, 4) ?? 0, Long(reader, 5)));
        }

        return rows;
    }

    /// <summary>Survey tools' module rows per theme: responses, score sum, invited (null unless every row gives it).</summary>
    public static async Task<IReadOnlyList<(string Theme, long Responses, double ScoreSum, long? Invited)>> SummaryCountsAsync(
        DbConnection connection, StoreSqlDialect sql, Scope scope, QualityFilter filter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        string Org(string alias) => sql.OrganisationCondition(scope, command, alias + ".organisation");
        command.CommandText = sql.Parameters($"""
            WITH {ScopedModules(sql, scope, filter, command)}
            SELECT s.theme, CAST(sum(s.responses) AS BIGINT), sum(s.mean_score * s.responses),
                   CASE WHEN count(s.invited) = count(*) THEN CAST(sum(s.invited) AS BIGINT) END
            FROM he_survey_summaries s JOIN scoped_modules sm ON {On(scope, "sm", "s", "module_id")}
            WHERE {Org("s")}
            GROUP BY s.theme
            """);
        var rows = new List<(string, long, double, long?)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((Text(reader, 0), Long(reader, 1), NullableDouble(reader, 2) ?? 0, NullableLong(reader, 3)));
        }

        return rows;
    }

    /// <summary>Per programme and term: distinct students and the median of their support visits that term (0 without any).</summary>
    public static async Task<IReadOnlyList<(string ProgrammeId, string Programme, string? Faculty, string Term, long Students, double? MedianVisits)>> VisitMediansAsync(
        DbConnection connection, StoreSqlDialect sql, Scope scope, QualityFilter filter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        string Org(string alias) => sql.OrganisationCondition(scope, command, alias + ".organisation");
        command.CommandText = sql.Parameters($"""
            WITH {ScopedModules(sql, scope, filter, command)},
            students AS (
                SELECT DISTINCT sm.organisation, sm.programme_id, sm.programme, sm.faculty, sm.term, e.student_id
                FROM he_enrolments e JOIN scoped_modules sm ON {On(scope, "sm", "e", "module_id")}
                WHERE {Org("e")}),
            visits AS (
                SELECT v.organisation, v.student_id, coalesce(v.term, vm.term) AS term, CAST(sum(v.visits) AS BIGINT) AS visits
                FROM he_support_visits v
                LEFT JOIN he_modules vm ON {On(scope, "vm", "v", "module_id")} AND {Org("vm")}
                WHERE {Org("v")}
                GROUP BY v.organisation, v.student_id, coalesce(v.term, vm.term)),
            per_student AS (
                SELECT s.organisation, s.programme_id, s.programme, s.faculty, s.term, CAST(coalesce(vi.visits, 0) AS DOUBLE PRECISION) AS visits
                FROM students s
                LEFT JOIN visits vi ON {On(scope, "vi", "s", "student_id", "term")})
            SELECT programme_id, programme, faculty, term, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY visits)
            FROM per_student GROUP BY organisation, programme_id, programme, faculty, term
            """);
        var rows = new List<(string, string, string?, string, long, double?)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((Text(reader, 0), Text(reader, 1), NullableText(reader, 2), Text(reader, 3), Long(reader, 4), NullableDouble(reader, 5)));
        }

        return rows;
    }
}
