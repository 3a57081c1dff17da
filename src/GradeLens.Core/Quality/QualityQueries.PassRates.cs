using System.Data.Common;
using GradeLens.Core.Storage;
using static GradeLens.Core.Quality.QualityScopeSql;

namespace GradeLens.Core.Quality;

/// <summary>
/// The Quality KPIs, one SQL text for DuckDB and PostgreSQL: every GROUP BY runs in the store and only sufficient
/// statistics (counts, sums) come back, to which the intervals, tests and suppression are applied here.
/// </summary>
internal static partial class QualityQueries
{
    /// <summary>
    /// Module and programme x term pass rates from one scan of the results (GROUPING SETS: the join of every enrolment
    /// with its marks, the costly part, is made once for both levels; GROUPING(module_id) tells the rows apart).
    /// </summary>
    public static async Task<PassRates> PassRatesAsync(
        DbConnection connection, StoreSqlDialect sql, Scope scope, QualityFilter filter, QualityOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var command = connection.CreateCommand();
        command.CommandText = sql.Parameters($"""
            WITH {ResultsCte(sql, scope, filter, options, command)}
            SELECT GROUPING(sm.module_id), sm.module_id, sm.title, sm.programme_id, sm.programme, sm.faculty, sm.term,
                   count(r.mark), count(*) FILTER (WHERE r.mark >= {PassMark(sql, options, command)}), count(*) - count(r.mark),
                   count(DISTINCT r.student_id) FILTER (WHERE r.mark IS NOT NULL)
            FROM results r
            JOIN scoped_modules sm ON {On(scope, "sm", "r", "module_id")}
            GROUP BY GROUPING SETS ((sm.organisation, sm.module_id, sm.title, sm.programme_id, sm.programme, sm.faculty, sm.term),
                                    (sm.organisation, sm.programme_id, sm.programme, sm.faculty, sm.term))
            """);
        var modules = new List<ModulePassRate>();
        var programmes = new List<ProgrammePassRate>();
        var rule = Rule(scope, options);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rate = ProportionEstimate.From(Long(reader, 8), Long(reader, 7), rule, options.Confidence);
            if (Long(reader, 0) == 0)
            {
                modules.Add(new ModulePassRate(Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4), NullableText(reader, 5), Text(reader, 6),
                    rate, rule.Publish(Long(reader, 9))));
            }
            else
            {
                programmes.Add(new ProgrammePassRate(Text(reader, 3), Text(reader, 4), NullableText(reader, 5), Text(reader, 6), rule.Publish(Long(reader, 10)), rate));
            }
        }

        return new PassRates(options.Marks.Describe(), Sorted(modules, r => r.ProgrammeId, r => r.Term + "\u0000" + r.ModuleId), Sorted(programmes, r => r.ProgrammeId, r => r.Term));
    }

    public static async Task<IReadOnlyList<ModulePassRate>> ModulePassRatesAsync(
        DbConnection connection, StoreSqlDialect sql, Scope scope, QualityFilter filter, QualityOptions options, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql.Parameters($"""
            WITH {ResultsCte(sql, scope, filter, options, command)}
            SELECT sm.module_id, sm.title, sm.programme_id, sm.programme, sm.faculty, sm.term,
                   count(r.mark), count(*) FILTER (WHERE r.mark >= {PassMark(sql, options, command)}), count(*) - count(r.mark)
            FROM results r
            JOIN scoped_modules sm ON {On(scope, "sm", "r", "module_id")}
            GROUP BY sm.organisation, sm.module_id, sm.title, sm.programme_id, sm.programme, sm.faculty, sm.term
            """);
        var rows = new List<ModulePassRate>();
        var rule = Rule(scope, options);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ModulePassRate(Text(reader, 0), Text(reader, 1), Text(reader, 2), Text(reader, 3), NullableText(reader, 4), Text(reader, 5),
                ProportionEstimate.From(Long(reader, 7), Long(reader, 6), rule, options.Confidence), rule.Publish(Long(reader, 8))));
        }

        return Sorted(rows, r => r.ProgrammeId, r => r.Term + "\u0000" + r.ModuleId);
    }

    public static async Task<IReadOnlyList<ProgrammePassRate>> ProgrammePassRatesAsync(
        DbConnection connection, StoreSqlDialect sql, Scope scope, QualityFilter filter, QualityOptions options, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql.Parameters($"""
            WITH {ResultsCte(sql, scope, filter, options, command)}
            SELECT sm.programme_id, sm.programme, sm.faculty, sm.term,
                   count(DISTINCT r.student_id) FILTER (WHERE r.mark IS NOT NULL),
                   count(r.mark), count(*) FILTER (WHERE r.mark >= {PassMark(sql, options, command)})
            FROM results r
            JOIN scoped_modules sm ON {On(scope, "sm", "r", "module_id")}
            GROUP BY sm.organisation, sm.programme_id, sm.programme, sm.faculty, sm.term
            """);
        var rows = new List<ProgrammePassRate>();
        var rule = Rule(scope, options);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ProgrammePassRate(Text(reader, 0), Text(reader, 1), NullableText(reader, 2), Text(reader, 3), rule.Publish(Long(reader, 4)),
                ProportionEstimate.From(Long(reader, 6), Long(reader, 5), rule, options.Confidence)));
        }

        return Sorted(rows, r => r.ProgrammeId, r => r.Term);
    }

    /// <summary>Each term's first deadline (the order of terms whatever their names), over the caller's modules.</summary>
    public static async Task<IReadOnlyDictionary<string, DateOnly>> TermStartsAsync(
        DbConnection connection, StoreSqlDialect sql, Scope scope, QualityFilter filter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql.Parameters($"""
            WITH {ScopedModules(sql, scope, filter with { Term = null }, command)}
            SELECT sm.term, min(a.due_on)
            FROM he_assessments a JOIN scoped_modules sm ON {On(scope, "sm", "a", "module_id")}
            WHERE {sql.OrganisationCondition(scope, command, "a.organisation")}
            GROUP BY sm.term
            """);
        var starts = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            starts[Text(reader, 0)] = Date(reader, 1);
        }

        return starts;
    }

    /// <summary>The suppression rule for this caller: an analyst's own minimum cell size when it is larger.</summary>
    private static SuppressionRule Rule(Scope scope, QualityOptions options) =>
        scope.AggregatesOnly && scope.MinimumCellSize > options.Suppression.Minimum
            ? options.Suppression with { Minimum = scope.MinimumCellSize }
            : options.Suppression;

    /// <summary>The pass mark, less 1e-9 so that a mean of exactly the pass mark passes on both stores whatever their rounding.</summary>
    private static string PassMark(StoreSqlDialect sql, QualityOptions options, DbCommand command) =>
        sql.Parameter(command, "pass_mark", options.Marks.PassMark - 1e-9);

    /// <summary>
    /// <c>results(organisation, module_id, student_id, mark)</c>: every enrolment in a scoped module that has an
    /// assessment, with the student's module mark by the rule (NULL: no mark, under <see cref="MissingSubmission.LeftOut"/>),
    /// from the writer's per-student sums (he_module_marks). A module's weights are used only when every assessment has a
    /// positive weight; otherwise each counts 1.
    /// </summary>
    private static string ResultsCte(StoreSqlDialect sql, Scope scope, QualityFilter filter, QualityOptions options, DbCommand command)
    {
        string Org(string alias) => sql.OrganisationCondition(scope, command, alias + ".organisation");
        var weighted = options.Marks.Weighted ? "ma.weighted = ma.assessments" : "FALSE";
        var mark = options.Marks.MissingSubmission == MissingSubmission.CountedAsZero
            ? $"CASE WHEN {weighted} THEN coalesce(mm.weighted_sum, 0) / ma.total_weight ELSE coalesce(mm.mark_sum, 0) / ma.assessments END"
            : $"CASE WHEN {weighted} THEN mm.weighted_sum / mm.marked_weight ELSE mm.mark_sum / mm.marks END";
        return $"""
            {ScopedModules(sql, scope, filter, command)},
            module_assessments AS (
                SELECT a.organisation, a.module_id, count(*) AS assessments, count(*) FILTER (WHERE a.weight > 0) AS weighted, sum(a.weight) AS total_weight
                FROM he_assessments a
                JOIN scoped_modules sm ON {On(scope, "sm", "a", "module_id")}
                WHERE {Org("a")}
                GROUP BY a.organisation, a.module_id),
            results AS (
                SELECT e.organisation, e.module_id, e.student_id, {mark} AS mark
                FROM he_enrolments e
                JOIN module_assessments ma ON {On(scope, "ma", "e", "module_id")}
                LEFT JOIN he_module_marks mm ON {On(scope, "mm", "e", "module_id", "student_id")} AND {Org("mm")}
                WHERE {Org("e")})
            """;
    }
}
