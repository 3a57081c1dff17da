using GradeLens.Core.Risk;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Models;

/// <summary>A series as a table of students' scores and attributes, for the Models page and the clusters (SQL: <see cref="StudentTableQueries"/>).</summary>
public static class StudentTableReads
{
    /// <summary>One series (the latest when null) as a table: each student's score per subject and domain, and their attributes.</summary>
    public static Task<StudentTable> GetStudentTableAsync(this IGradeStore store, Scope scope, string? series, CancellationToken cancellationToken = default) =>
        store.ReadAsync((c, sql, t) => StudentTableQueries.TableAsync(c, sql, scope, series, t), cancellationToken);
}
