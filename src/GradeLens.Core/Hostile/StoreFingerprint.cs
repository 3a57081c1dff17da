using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Hostile;

/// <summary>
/// What a store holds, to compare before and after an import: the row count of every table (the data, the import log,
/// the accounts), and a digest of the content of the pupils, their attributes, assessments, results and baselines
/// (an md5 of every row as text, in order: one SQL text for DuckDB and PostgreSQL), so a stored 57 turned into 5 shows.
/// </summary>
/// <param name="Counts">Rows per table.</param>
/// <param name="Content">Digests of the data tables' rows.</param>
public sealed record StoreFingerprint(IReadOnlyDictionary<string, long> Counts, string Content)
{
    /// <summary>Every table counted, in one query.</summary>
    private static readonly IReadOnlyList<string> _counted =
        [.. StoreSchema.Tables, "enrolment_attributes", "import_log", "imports", "import_changes", .. StoreSchema.AccountTables];

    private static readonly string _sql = "SELECT " + string.Concat(_counted.Select(t => $"(SELECT count(*) FROM {t}) AS {t}, ")) + Digests;

    private const string Digests = """
            (SELECT md5(coalesce(string_agg(line, '/' ORDER BY line), '')) FROM (
                SELECT concat_ws('|', organisation, student_id, id_generated, school, region, grade_level, gender) AS line FROM students) t) AS students,
            (SELECT md5(coalesce(string_agg(line, '/' ORDER BY line), '')) FROM (
                SELECT concat_ws('|', s.student_id, t.name, t.value) AS line
                FROM student_attributes t JOIN students s ON s.student_key = t.student_key) t) AS attributes,
            (SELECT md5(coalesce(string_agg(line, '/' ORDER BY line), '')) FROM (
                SELECT concat_ws('|', organisation, series, series_order, subject, domain, taken_on, scale, max_score, proficiency, weight) AS line FROM assessments) t) AS assessments,
            (SELECT md5(coalesce(string_agg(line, '/' ORDER BY line), '')) FROM (
                SELECT concat_ws('|', s.student_id, a.series, a.subject, a.domain, r.score, r.grade) AS line
                FROM results r JOIN students s ON s.student_key = r.student_key JOIN assessments a ON a.assessment_key = r.assessment_key) t) AS results,
            (SELECT md5(coalesce(string_agg(line, '/' ORDER BY line), '')) FROM (
                SELECT concat_ws('|', s.student_id, b.subject, b.expected, b.scale, b.source) AS line
                FROM baselines b JOIN students s ON s.student_key = b.student_key) t) AS baselines
        """;

    public static async Task<StoreFingerprint> TakeAsync(IGradeStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var counts = new Dictionary<string, long>();
        var content = await store.ReadAsync((connection, _, token) => ReadAsync(connection, counts, token), cancellationToken);
        return new StoreFingerprint(counts, content);
    }

    /// <summary>The same data (every count but the import log's, and the content): what an undone import must leave.</summary>
    public bool SameDataAs(StoreFingerprint other) =>
        other is not null && Content == other.Content && Counts.Where(c => !IsLog(c.Key)).All(c => other.Counts.GetValueOrDefault(c.Key) == c.Value);

    /// <summary>Equal in every count and digest.</summary>
    public bool SameAs(StoreFingerprint other) =>
        other is not null && Content == other.Content && Counts.Count == other.Counts.Count && Counts.All(c => other.Counts.GetValueOrDefault(c.Key, -1) == c.Value);

    /// <summary>What differs, in words: "results 24 -> 32, content".</summary>
    public string Difference(StoreFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var changed = Counts.Where(c => other.Counts.GetValueOrDefault(c.Key, -1) != c.Value)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value} -> {other.Counts.GetValueOrDefault(c.Key, -1)}")).ToList();
        if (Content != other.Content)
        {
            changed.Add("content");
        }

        return changed.Count == 0 ? "nothing" : string.Join(", ", changed);
    }

    private static bool IsLog(string table) => table is "import_log" or "imports" or "import_changes";

    private static async Task<string> ReadAsync(DbConnection connection, Dictionary<string, long> counts, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var digests = new List<string>();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (i < _counted.Count)
            {
                counts[reader.GetName(i)] = Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
            }
            else
            {
                digests.Add(reader.GetName(i) + "=" + reader.GetString(i));
            }
        }

        return string.Join(";", digests);
    }
}
