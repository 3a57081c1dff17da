using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Storage;
using static GradeLens.Core.Risk.StudentAttributeSql;

namespace GradeLens.Core.Risk;

/// <summary>
/// The risk model's raw features, read within the caller's scope: the list of score columns and attributes, then per
/// student one row with a column per feature (pivoted in SQL with FILTER) and the outcome, laid into columns by
/// <see cref="RiskFeatureColumns"/>. One query text for both stores: <see cref="StoreSqlDialect"/> spells what differs.
/// </summary>
internal static class RiskFeatureQueries
{
    /// <summary>
    /// The organisations the target belongs to (those with the target assessment, or with students who have the outcome
    /// column): the model learns from, and scores, only their students, and orders only their series.
    /// </summary>
    private static string TargetOrganisations(StoreSqlDialect sql, DbCommand command, RiskRequest request) => request.ColumnTarget
        ? $"SELECT ts.organisation FROM students ts JOIN student_attributes tt ON tt.student_key = ts.student_key WHERE lower(tt.name) = lower({sql.Parameter(command, "tcolumn", request.TargetColumn!.Trim())})"
        : $"SELECT ta.organisation FROM assessments ta WHERE lower(ta.series) = lower({sql.Parameter(command, "tseries", request.TargetSeries.Trim())}) AND lower(ta.subject) = lower({sql.Parameter(command, "tsubject", request.TargetSubject.Trim())}) AND ta.domain = ''";

    /// <summary>
    /// The students the model learns from and scores: in the target's organisations and, for a score target, taking its
    /// subject (a result in it in any series), so a national assessment's students are not scored for a school's GCSE.
    /// </summary>
    private static string Cohort(StoreSqlDialect sql, DbCommand command, Scope scope, RiskRequest request)
    {
        var organisations = TargetOrganisations(sql, command, request);
        var students = $"{sql.StudentCondition(scope, command)} AND s.organisation IN ({organisations})";
        return request.ColumnTarget ? students : $"""
            {students} AND s.student_key IN (
                SELECT tr.student_key FROM results tr JOIN assessments tq ON tq.assessment_key = tr.assessment_key
                WHERE lower(tq.subject) = lower({sql.Parameter(command, "csubject", request.TargetSubject.Trim())}))
            """;
    }

    /// <summary>The series of the target's organisations, in the order they are taken.</summary>
    public static async Task<IReadOnlyList<SeriesOrder>> TargetSeriesAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, RiskRequest request, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT series, min(series_order) FROM assessments
            WHERE {sql.OrganisationCondition(scope, command)} AND organisation IN ({TargetOrganisations(sql, command, request)})
            GROUP BY series ORDER BY 2, 1
            """;
        var list = new List<SeriesOrder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new SeriesOrder(reader.GetString(0), reader.GetInt32(1)));
        }

        return list;
    }

    public static async Task<RiskFeatureSet> FeaturesAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, RiskRequest request, CancellationToken cancellationToken)
    {
        var series = await TargetSeriesAsync(connection, sql, scope, request, cancellationToken);
        if (series.Count == 0)
        {
            throw new RiskDataException(request.ColumnTarget
                ? $"No student in scope has a value of '{request.TargetColumn}': nothing to learn the outcome from."
                : $"No student in scope has a {request.TargetSubject} result in '{request.TargetSeries}': nothing to learn the outcome from.");
        }

        var featureSeries = TargetLeakage.FeatureSeries(request, series);
        var target = request.ColumnTarget && string.IsNullOrWhiteSpace(request.TargetSeries) ? ""
            : series.First(s => string.Equals(s.Series, request.TargetSeries, StringComparison.OrdinalIgnoreCase)).Series;
        var layout = new RiskFeatureColumns(request with { TargetSeries = target }, featureSeries);

        // 1. The feature list: scores of the feature series known by the cutoff, then every attribute's name.
        await using (var command = connection.CreateCommand())
        {
            var students = Cohort(sql, command, scope, request);
            var seriesList = sql.InList(command, "fs", featureSeries);
            var known = DateCondition(sql, command, request);
            command.CommandText = $"""
                WITH scores AS (
                    SELECT a.series, a.subject, a.domain, min(a.series_order) AS series_order
                    FROM results r
                    JOIN assessments a ON a.assessment_key = r.assessment_key
                    JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                    WHERE a.series IN ({seriesList}) AND {students} {known}
                    GROUP BY a.series, a.subject, a.domain),
                attributes AS ({AttributesSql(students)})
                SELECT 0 AS kind, series, subject, domain, series_order AS sort FROM scores
                UNION ALL SELECT DISTINCT 1, name, '', '', 0 FROM attributes
                ORDER BY 1, 5, 2, 3, 4
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetInt32(0) == 0)
                {
                    layout.AddScore(reader.GetString(1), reader.GetString(2), reader.GetString(3));
                }
                else
                {
                    layout.AddAttribute(reader.GetString(1));
                }
            }
        }

        // 2. Per student: the outcome and one column per feature (pivoted by the store, so no per-student lists to unpack).
        await using var rowsCommand = connection.CreateCommand();
        {
            var students = Cohort(sql, rowsCommand, scope, request);
            var seriesList = sql.InList(rowsCommand, "fs", featureSeries);
            var known = DateCondition(sql, rowsCommand, request);
            var outcome = request.ColumnTarget
                ? $"SELECT student_key, min(value) AS value, CAST(NULL AS DOUBLE PRECISION) AS score, CAST(NULL AS DOUBLE PRECISION) AS threshold FROM attributes WHERE name = {sql.Parameter(rowsCommand, "column", layout.TargetColumn)} GROUP BY student_key"
                : $"""
                    SELECT r.student_key, CAST(NULL AS VARCHAR) AS value, avg(r.score) AS score, avg(coalesce(CAST({sql.Parameter(rowsCommand, "threshold", request.Threshold)} AS DOUBLE PRECISION), a.proficiency)) AS threshold
                    FROM results r JOIN assessments a ON a.assessment_key = r.assessment_key
                    WHERE a.series = {sql.Parameter(rowsCommand, "target", target)} AND a.subject = {sql.Parameter(rowsCommand, "subject", request.TargetSubject)} AND a.domain = ''
                    GROUP BY r.student_key
                    """;
            var scoreColumns = layout.Scores.Select((c, j) =>
                $"avg(r.score) FILTER (WHERE a.series = {sql.Parameter(rowsCommand, $"ps{j}", c.Series)} AND a.subject = {sql.Parameter(rowsCommand, $"pu{j}", c.Subject)} AND a.domain = {sql.Parameter(rowsCommand, $"pd{j}", c.Domain)}) AS s{j}");
            var attributeColumns = layout.Attributes.Select((name, j) => $"min(value) FILTER (WHERE name = {sql.Parameter(rowsCommand, $"pa{j}", name)}) AS t{j}");
            rowsCommand.CommandText = $"""
                WITH cohort AS (SELECT s.student_key, s.student_id FROM students s WHERE {students}),
                attributes AS ({AttributesSql("s.student_key IN (SELECT student_key FROM cohort)")}),
                outcome AS ({outcome}),
                scores AS (
                    SELECT r.student_key{string.Concat(scoreColumns.Select(c => ", " + c))}
                    FROM results r JOIN assessments a ON a.assessment_key = r.assessment_key
                    WHERE a.series IN ({seriesList}) {known} AND r.student_key IN (SELECT student_key FROM cohort) GROUP BY r.student_key),
                attribute_values AS (
                    SELECT student_key{string.Concat(attributeColumns.Select(c => ", " + c))} FROM attributes GROUP BY student_key)
                SELECT c.student_id, o.score, o.threshold, o.value{string.Concat(layout.Scores.Select((_, j) => $", p.s{j}"))}{string.Concat(layout.Attributes.Select((_, j) => $", v.t{j}"))}
                FROM cohort c
                LEFT JOIN scores p ON p.student_key = c.student_key
                LEFT JOIN attribute_values v ON v.student_key = c.student_key
                LEFT JOIN outcome o ON o.student_key = c.student_key
                WHERE p.student_key IS NOT NULL OR v.student_key IS NOT NULL
                ORDER BY c.student_id
                """;
        }

        await using (var reader = await rowsCommand.ExecuteReaderAsync(cancellationToken))
        {
            var scoreCount = layout.Scores.Count;
            var attributeCount = layout.Attributes.Count;
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = layout.StartRow(reader.GetString(0));
                for (var j = 0; j < scoreCount; j++)
                {
                    if (!reader.IsDBNull(4 + j))
                    {
                        layout.SetScore(row, j, reader.GetDouble(4 + j));
                    }
                }

                for (var j = 0; j < attributeCount; j++)
                {
                    if (!reader.IsDBNull(4 + scoreCount + j))
                    {
                        layout.SetAttribute(row, j, reader.GetString(4 + scoreCount + j));
                    }
                }

                if (request.ColumnTarget)
                {
                    layout.SetOutcome(row, reader.IsDBNull(3) ? null : layout.IsPositive(reader.GetString(3)), null);
                }
                else
                {
                    layout.SetOutcome(row, reader.IsDBNull(1) ? null : reader.GetDouble(1) < reader.GetDouble(2), reader.IsDBNull(2) ? null : reader.GetDouble(2));
                }
            }
        }

        return layout.Build();
    }

    /// <summary>With a date cutoff, only assessments taken on or before it (an undated assessment is not known to be).</summary>
    private static string DateCondition(StoreSqlDialect sql, DbCommand command, RiskRequest request) =>
        request.CutoffDate is { } date ? $"AND a.taken_on <= CAST({sql.Parameter(command, "cutoff", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))} AS DATE)" : "";
}
