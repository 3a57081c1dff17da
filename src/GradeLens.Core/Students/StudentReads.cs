using GradeLens.Core.Storage;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Students;

/// <summary>The Students page's reads of a store, within the caller's scope (SQL: <see cref="StudentResultQueries"/>).</summary>
public static class StudentReads
{
    /// <summary>Every result of a student (each subject, domain and series) and their baselines, in order. None for an aggregates-only scope.</summary>
    public static Task<IReadOnlyList<StudentResult>> GetStudentResultsAsync(this IGradeStore store, Scope scope, string studentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(studentId);
        return store.ReadAsync((c, sql, t) => StudentResultQueries.ResultsAsync(c, sql, scope, studentId, t), cancellationToken);
    }
}
