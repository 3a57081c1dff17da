using System.Collections.Concurrent;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Models;

/// <summary>A series as a table of students' scores and attributes, for the Models page and the clusters (SQL: <see cref="StudentTableQueries"/>).</summary>
public static class StudentTableReads
{
    /// <summary>Reads under way: the Models page, the clusters and the column menu fitted together after an import share one read.</summary>
    private static readonly ConcurrentDictionary<(IGradeStore Store, string Version, AnswerKey Key), Lazy<Task<StudentTable>>> UnderWay = new();

    /// <summary>
    /// One series (the latest when null) as a table: each student's score per subject and domain, and their attributes.
    /// Identical reads at the same data version share one query while it runs; the table is not kept after it (a
    /// model keeps its figures, never its feature matrix).
    /// </summary>
    public static async Task<StudentTable> GetStudentTableAsync(this IGradeStore store, Scope scope, string? series, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var version = await store.GetDataVersionAsync(cancellationToken);
        var key = (store, version, AnswerKey.For("models.table", scope, series));
        var read = new Lazy<Task<StudentTable>>(() => store.ReadAsync((c, sql, t) => StudentTableQueries.TableAsync(c, sql, scope, series, t), CancellationToken.None));
        var shared = UnderWay.GetOrAdd(key, read);
        if (ReferenceEquals(shared, read))
        {
            // Forgotten as soon as it ends, whether or not anyone still waits.
            _ = read.Value.ContinueWith(_ => UnderWay.TryRemove(new KeyValuePair<(IGradeStore, string, AnswerKey), Lazy<Task<StudentTable>>>(key, read)), TaskScheduler.Default);
        }

        return await shared.Value.WaitAsync(cancellationToken);
    }
}
