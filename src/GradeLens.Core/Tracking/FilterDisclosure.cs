using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Disclosure;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tracking;

/// <summary>
/// Complementary suppression of a Tracking view narrowed to one group, for an aggregates-only caller: the subject's
/// figures for everyone are shown too, so a group could be had by subtracting the other groups from everyone. Per
/// series, every group of the attribute (its students without a value among them) under the minimum is hidden, and then
/// the smallest shown groups with them until the hidden students are at least the minimum together; a view of a hidden
/// group shows nothing for that series. The same rule as the gaps' cells (docs/decisions/0008-disclosure-control.md).
/// </summary>
internal static class FilterDisclosure
{
    /// <summary>Whose figures a view shows per series: everyone scored (and the baseline), those scored who have a baseline, or those scored who also sat the final.</summary>
    public enum Population
    {
        Scores,
        ScoresWithBaseline,
        ScoresWithFinal,
    }

    private const string NotRecorded = "\u0000";

    /// <summary>
    /// The (subject, series) pairs — baseline sources as series — where the filter's group is hidden, as <see cref="Key"/>s
    /// (every subject when the filter's subject is empty, as the back-test asks); none for a caller who may see rows, or without a filter.
    /// </summary>
    public static async Task<IReadOnlySet<string>> HiddenAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, TrackingFilter filter, Population population, CancellationToken cancellationToken)
    {
        if (!scope.AggregatesOnly || string.IsNullOrWhiteSpace(filter.Attribute) || filter.Value is null)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        await using var command = connection.CreateCommand();
        var students = sql.StudentCondition(scope, command);
        sql.Parameter(command, "subject", filter.Subject);
        var column = TrackingFilterSql.StudentColumns.FirstOrDefault(c => string.Equals(c, filter.Attribute.Trim(), StringComparison.OrdinalIgnoreCase));
        var group = column is null ? "f.value" : $"g.{column}";
        var join = column is null ? $"LEFT JOIN student_attributes f ON f.student_key = g.student_key AND f.name = {sql.Parameter(command, "filter_name", filter.Attribute.Trim())}" : "";
        command.CommandText = sql.Parameters($"""
            WITH scored AS (
                SELECT a.subject, a.series, a.series_order, r.student_key
                FROM results r
                JOIN assessments a ON a.assessment_key = r.assessment_key
                JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                WHERE ($subject = '' OR a.subject = $subject) AND a.domain = '' AND {students}),
            shown AS ({Shown(sql, population, students)})
            SELECT t.subject, t.series, {group} AS grp, count(*)
            FROM shown t JOIN students g ON g.student_key = t.student_key {join}
            GROUP BY t.subject, t.series, {group}
            """);
        var counts = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = Key(reader.GetString(0), reader.GetString(1));
                var value = reader.IsDBNull(2) ? NotRecorded : Convert.ToString(reader.GetValue(2), CultureInfo.InvariantCulture)!;
                (counts.TryGetValue(key, out var groups) ? groups : counts[key] = new Dictionary<string, long>(StringComparer.Ordinal))[value] = reader.GetInt64(3);
            }
        }

        return counts.Where(c => GroupSuppression.Hide(c.Value, scope.MinimumCellSize).Contains(filter.Value)).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
    }

    public static string Key(string subject, string series) => subject + "\u001f" + series;

    private static string Shown(StoreSqlDialect sql, Population population, string students) => population switch
    {
        Population.Scores => $"""
            SELECT subject, series, student_key FROM scored
            UNION ALL
            SELECT b.subject, b.source, b.student_key FROM baselines b JOIN students s ON s.student_key = b.student_key
            WHERE ($subject = '' OR b.subject = $subject) AND {students}
            """,
        Population.ScoresWithBaseline => "SELECT t.subject, t.series, t.student_key FROM scored t JOIN baselines b ON b.student_key = t.student_key AND b.subject = t.subject",
        _ => $"""
            SELECT t.subject, t.series, t.student_key FROM scored t
            JOIN (SELECT subject, {sql.ArgMax("series", "series_order", "series")} AS final_series FROM scored GROUP BY subject) f ON f.subject = t.subject
            JOIN scored x ON x.student_key = t.student_key AND x.subject = t.subject AND x.series = f.final_series
            WHERE t.series <> f.final_series
            """,
    };
}
