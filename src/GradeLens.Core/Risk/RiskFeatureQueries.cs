using System.Globalization;
using System.Data.Common;
using GradeLens.Core.Models;
using GradeLens.Core.Storage;
using static GradeLens.Core.Risk.StudentAttributeSql;

namespace GradeLens.Core.Risk;

/// <summary>
/// The risk model's feature matrix, pivoted in SQL within the caller's scope: the store returns each student's feature
/// values as one list (positions into the feature list), and C# only lays them into the matrix. One query for both
/// stores: <see cref="StoreSqlDialect"/> spells what differs.
/// </summary>
internal static class RiskFeatureQueries
{
    /// <summary>An attribute with more levels than this is not one-hot encoded (it would add a column per school or postcode).</summary>
    private const int MaximumLevels = 30;

    public static async Task<RiskFeatureSet> FeaturesAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, RiskRequest request, CancellationToken cancellationToken)
    {
        var series = await SeriesAsync(connection, sql, scope, cancellationToken);
        var featureSeries = TargetLeakage.FeatureSeries(request, series);
        var target = series.First(s => string.Equals(s.Series, request.TargetSeries, StringComparison.OrdinalIgnoreCase)).Series;
        var notes = new List<string>();

        // 1. The feature list: earlier scores, numeric attributes, one-hot levels (reference = alphabetically first level).
        var features = new List<FeatureColumn>();
        var protectedColumns = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            var students = sql.StudentCondition(scope, command);
            var seriesList = sql.InList(command, "fs", featureSeries);
            command.CommandText = $"""
                WITH scores AS (
                    SELECT a.series, a.subject, a.domain, min(a.series_order) AS series_order, avg(r.score) AS mean
                    FROM results r
                    JOIN assessments a ON a.assessment_key = r.assessment_key
                    JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                    WHERE a.series IN ({seriesList}) AND {students}
                    GROUP BY a.series, a.subject, a.domain),
                attributes AS ({AttributesSql(students)}),
                kinds AS (
                    SELECT name, count(*) = count({sql.TryDouble("value")}) AS is_numeric, count(DISTINCT value) AS levels,
                           avg({sql.TryDouble("value")}) AS mean
                    FROM attributes GROUP BY name)
                SELECT 0 AS kind, series, subject, domain, series_order AS sort, mean, CAST(NULL AS VARCHAR) AS level, CAST(0 AS BIGINT) AS levels FROM scores
                UNION ALL SELECT 1, name, NULL, NULL, 0, mean, NULL, levels FROM kinds WHERE is_numeric
                UNION ALL SELECT 2, k.name, NULL, NULL, 0, NULL, a.value, k.levels FROM kinds k JOIN (SELECT DISTINCT name, value FROM attributes) a ON a.name = k.name
                    WHERE NOT k.is_numeric
                ORDER BY kind, sort, series, subject, domain, level
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var skipped = new HashSet<string>(StringComparer.Ordinal);
            var firstLevel = new HashSet<string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken))
            {
                var kind = reader.GetInt32(0);
                if (kind == 0)
                {
                    var domain = reader.GetString(3);
                    var name = $"{reader.GetString(1)} {reader.GetString(2)}" + (domain.Length > 0 ? $" ({domain})" : "");
                    features.Add(new FeatureColumn(name, 0, reader.GetString(1), reader.GetString(2), domain, reader.GetDouble(5)));
                    continue;
                }

                var attribute = reader.GetString(1);
                if (!Wanted(request, attribute, protectedColumns))
                {
                    continue;
                }

                if (kind == 1)
                {
                    features.Add(new FeatureColumn(attribute, 1, attribute, "", "", reader.GetDouble(5)));
                }
                else if (reader.GetInt64(7) > MaximumLevels)
                {
                    if (skipped.Add(attribute))
                    {
                        notes.Add(string.Create(CultureInfo.InvariantCulture, $"'{attribute}' has {reader.GetInt64(7)} values (more than {MaximumLevels}): left out."));
                    }
                }
                else if (!firstLevel.Add(attribute))
                {
                    var level = reader.GetString(6);
                    features.Add(new FeatureColumn($"{attribute}_{level}", 2, attribute, level, "", 0));
                }
            }
        }

        if (protectedColumns.Count > 0)
        {
            notes.Add($"Protected attributes left out of the features (used only for the fairness view): {string.Join(", ", protectedColumns.Distinct())}.");
        }

        if (features.Count == 0)
        {
            throw new RiskDataException($"No features: no scores before '{target}' and no usable student attributes in scope.");
        }

        // 2. Per student: the target outcome, every feature value present (index into the list), the protected attributes.
        var index = features.Select((f, i) => (f, i)).ToDictionary(t => (t.f.Kind, t.f.Key, t.f.Level, t.f.Domain), t => t.i);
        var protectedNames = protectedColumns.Distinct().ToList();
        await using var rowsCommand = connection.CreateCommand();
        {
            var students = sql.StudentCondition(scope, rowsCommand);
            var seriesList = sql.InList(rowsCommand, "fs", featureSeries);
            var protectedList = sql.InList(rowsCommand, "pa", protectedNames);
            var targetSeries = sql.Parameter(rowsCommand, "target", target);
            var subject = sql.Parameter(rowsCommand, "subject", request.TargetSubject);
            var thresholdValue = sql.Parameter(rowsCommand, "threshold", request.Threshold);
            rowsCommand.CommandText = $"""
                WITH cohort AS (SELECT s.student_key, s.student_id FROM students s WHERE {students}),
                outcome AS (
                    SELECT r.student_key, avg(r.score) AS score, avg(coalesce(CAST({thresholdValue} AS DOUBLE PRECISION), a.proficiency)) AS threshold
                    FROM results r JOIN assessments a ON a.assessment_key = r.assessment_key
                    WHERE a.series = {targetSeries} AND a.subject = {subject} AND a.domain = ''
                    GROUP BY r.student_key),
                attributes AS ({AttributesSql(students)}),
                cells AS (
                    SELECT r.student_key, 0 AS kind, a.series AS key, a.subject AS level, a.domain, avg(r.score) AS value
                    FROM results r JOIN assessments a ON a.assessment_key = r.assessment_key
                    WHERE a.series IN ({seriesList}) GROUP BY r.student_key, a.series, a.subject, a.domain
                    UNION ALL SELECT student_key, 1, name, '', '', {sql.TryDouble("value")} FROM attributes WHERE {sql.TryDouble("value")} IS NOT NULL
                    UNION ALL SELECT student_key, 2, name, value, '', 1.0 FROM attributes),
                protected AS (SELECT student_key, {sql.List("name")} AS names, {sql.List("value")} AS vals FROM attributes WHERE name IN ({protectedList}) GROUP BY student_key),
                per_student AS (
                    SELECT student_key, {sql.List("kind")} AS kinds, {sql.List("key")} AS keys, {sql.List("level")} AS levels, {sql.List("domain")} AS domains, {sql.List("value")} AS vals
                    FROM cells WHERE student_key IN (SELECT student_key FROM cohort) GROUP BY student_key)
                SELECT c.student_id, o.score, o.threshold, p.kinds, p.keys, p.levels, p.domains, p.vals, g.names, g.vals
                FROM cohort c
                JOIN per_student p ON p.student_key = c.student_key
                LEFT JOIN outcome o ON o.student_key = c.student_key
                LEFT JOIN protected g ON g.student_key = c.student_key
                ORDER BY c.student_id
                """;
        }

        var labelled = new List<double>();
        var labelledIds = new List<string>();
        var outcomes = new List<bool>();
        var unlabelled = new List<double>();
        var unlabelledIds = new List<string>();
        var groups = protectedNames.ToDictionary(n => n, _ => new List<string?>(), StringComparer.Ordinal);
        double? threshold = request.Threshold;
        var row = new double[features.Count];
        await using (var reader = await rowsCommand.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var j = 0; j < features.Count; j++)
                {
                    row[j] = features[j].Mean;
                }

                var kinds = StoreSqlDialect.ReadList(reader, 3);
                var keys = StoreSqlDialect.ReadList(reader, 4);
                var levels = StoreSqlDialect.ReadList(reader, 5);
                var domains = StoreSqlDialect.ReadList(reader, 6);
                var values = StoreSqlDialect.ReadList(reader, 7);
                for (var k = 0; k < kinds.Count; k++)
                {
                    var kind = Convert.ToInt32(kinds[k], CultureInfo.InvariantCulture);
                    var level = kind == 1 ? "" : (string)levels[k]!;
                    if (values[k] is not null && index.TryGetValue((kind, (string)keys[k]!, level, (string)domains[k]!), out var j))
                    {
                        row[j] = Convert.ToDouble(values[k], CultureInfo.InvariantCulture);
                    }
                }

                if (reader.IsDBNull(1))
                {
                    unlabelled.AddRange(row);
                    unlabelledIds.Add(reader.GetString(0));
                    continue;
                }

                labelled.AddRange(row);
                labelledIds.Add(reader.GetString(0));
                threshold ??= reader.GetDouble(2);
                outcomes.Add(reader.GetDouble(1) < reader.GetDouble(2));
                var names = StoreSqlDialect.ReadList(reader, 8);
                var groupValues = StoreSqlDialect.ReadList(reader, 9);
                foreach (var name in protectedNames)
                {
                    var at = Enumerable.Range(0, names.Count).FirstOrDefault(i => Equals(names[i], name), -1);
                    groups[name].Add(at >= 0 ? (string?)groupValues[at] : null);
                }
            }
        }

        if (labelledIds.Count == 0)
        {
            throw new RiskDataException($"No student in scope has a {request.TargetSubject} result in '{target}': nothing to learn the outcome from.");
        }

        var names2 = features.Select(f => f.Name).ToList();
        var training = new RiskData(new FeatureMatrix(names2, [.. labelled]), outcomes, labelledIds,
            protectedNames.Select(n => new GroupColumn(n, groups[n])).ToList());
        var unscored = unlabelledIds.Count > 0 ? new FeatureMatrix(names2, [.. unlabelled]) : null;
        return new RiskFeatureSet(request with { TargetSeries = target }, threshold ?? 0, featureSeries, training, unscored, unlabelledIds, notes);
    }

    private static bool Wanted(RiskRequest request, string attribute, List<string> protectedColumns)
    {
        var isProtected = ProtectedAttributes.IsProtected(attribute);
        if (isProtected)
        {
            protectedColumns.Add(attribute);
        }

        if (request.Attributes is not null)
        {
            return request.Attributes.Contains(attribute, StringComparer.OrdinalIgnoreCase) && (!isProtected || request.IncludeProtected);
        }

        return !isProtected || request.IncludeProtected;
    }

    /// <summary>A feature: kind 0 = a score (Key = series, Level = subject), 1 = a numeric attribute, 2 = a one-hot level.</summary>
    private sealed record FeatureColumn(string Name, int Kind, string Key, string Level, string Domain, double Mean);
}
