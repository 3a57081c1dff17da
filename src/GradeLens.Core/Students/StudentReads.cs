using System.Runtime.CompilerServices;
using GradeLens.Core.Storage;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Students;

/// <summary>A student's standings (latest grade against baseline per subject) and every result, from one read of their rows.</summary>
public sealed record StudentRows(IReadOnlyList<SubjectStanding> Standings, IReadOnlyList<StudentResult> Results);

/// <summary>The Students page's reads of a store, within the caller's scope (SQL: <see cref="StudentResultQueries"/>).</summary>
public static class StudentReads
{
    /// <summary>
    /// Students' rows kept per store and data version, apart from the store's own answers: a few kilobytes each, and a
    /// cache of their own, so browsing thousands of students never pushes out the aggregates and clusters.
    /// </summary>
    private static readonly ConditionalWeakTable<IGradeStore, AnswerCache> Rows = [];

    /// <summary>Every result of a student (each subject, domain and series) and their baselines, in order. None for an aggregates-only scope.</summary>
    public static Task<IReadOnlyList<StudentResult>> GetStudentResultsAsync(this IGradeStore store, Scope scope, string studentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(studentId);
        return store.ReadAsync((c, sql, t) => StudentResultQueries.ResultsAsync(c, sql, scope, studentId, t), cancellationToken);
    }

    /// <summary>
    /// A student's standings (as <see cref="TrackingReads.GetSubjectStandingsAsync"/>) and results (as <see cref="GetStudentResultsAsync"/>)
    /// from one read of the student's rows (lookups by their keys), kept until the data changes. None for an aggregates-only scope.
    /// </summary>
    public static async Task<StudentRows> GetStudentRowsAsync(this IGradeStore store, Scope scope, string studentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(studentId);
        var version = await store.GetDataVersionAsync(cancellationToken);
        return await Rows.GetValue(store, _ => new AnswerCache()).GetOrAddAsync(version, AnswerKey.For("students.rows", scope, studentId), async token =>
        {
            var results = await store.ReadAsync((c, sql, t) => StudentResultQueries.ResultsAsync(c, sql, scope, studentId, t), token);
            return new StudentRows(Standings(results), results);
        }, cancellationToken);
    }

    /// <summary>
    /// The standings from the student's own rows, as Tracking's query gives them: per organisation and whole subject the
    /// result of the greatest series order (ties: the later series name), against each baseline of that subject (or
    /// none); most below baseline first, subjects without a baseline last, then by subject.
    /// </summary>
    private static List<SubjectStanding> Standings(IReadOnlyList<StudentResult> results)
    {
        var baselines = results.Where(r => r.IsBaseline).ToLookup(r => (r.Organisation, r.Subject));
        return results.Where(r => !r.IsBaseline && r.Domain.Length == 0)
            .GroupBy(r => (r.Organisation, r.Subject))
            .Select(g => g.OrderByDescending(r => r.SeriesOrder).ThenByDescending(r => r.Series, StringComparer.Ordinal).First())
            .SelectMany(latest => baselines[(latest.Organisation, latest.Subject)].DefaultIfEmpty()
                .Select(b => new SubjectStanding(latest.Subject, b?.Score, latest.Series, latest.Score)))
            .OrderBy(s => s.Baseline is null).ThenBy(s => s.Difference ?? 0).ThenBy(s => s.Subject, StringComparer.Ordinal)
            .ToList();
    }
}
