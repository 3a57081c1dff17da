using System.Runtime.CompilerServices;
using GradeLens.Core.Storage;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Students;

/// <summary>A student's standings (latest grade against baseline per subject) and every result, read on one connection.</summary>
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
    /// on one connection, each a lookup by the student's keys, kept until the data changes. None for an aggregates-only scope.
    /// </summary>
    public static async Task<StudentRows> GetStudentRowsAsync(this IGradeStore store, Scope scope, string studentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(studentId);
        var version = await store.GetDataVersionAsync(cancellationToken);
        return await Rows.GetValue(store, _ => new AnswerCache()).GetOrAddAsync(version, AnswerKey.For("students.rows", scope, studentId), token => store.ReadAsync(async (c, sql, t) =>
        {
            var results = await StudentResultQueries.ResultsAsync(c, sql, scope, studentId, t);
            return new StudentRows(results.Count == 0 ? [] : await StudentPathQueries.StandingsAsync(c, sql, scope, studentId, t), results);
        }, token), cancellationToken);
    }
}
