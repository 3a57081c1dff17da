using GradeLens.Core.Storage;

namespace GradeLens.Core.Tracking;

/// <summary>
/// The Tracking page's reads of a store, within the caller's scope (SQL: <see cref="SeriesQueries"/>,
/// <see cref="StudentPathQueries"/>, <see cref="SubjectQueries"/>, <see cref="BackTestQueries"/>). Aggregates over a
/// subject's students are kept per data version; one student's lookups are cheap and run each time.
/// </summary>
public static class TrackingReads
{
    /// <summary>Box statistics of every series of a subject (the baseline first).</summary>
    public static Task<IReadOnlyList<SeriesBox>> GetSeriesBoxesAsync(this IGradeStore store, Scope scope, TrackingFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return store.AnswerAsync(AnswerKey.For("tracking.series", scope, filter), (c, sql, t) => SeriesQueries.BoxesAsync(c, sql, scope, filter, t), cancellationToken);
    }

    /// <summary>Each student's path through a subject's series against their baseline; at most <paramref name="limit"/> students (a stable sample). None for an aggregates-only scope.</summary>
    public static Task<SubjectStudents> GetSubjectStudentsAsync(this IGradeStore store, Scope scope, TrackingFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return store.AnswerAsync(AnswerKey.For("tracking.students", scope, filter, limit), (c, sql, t) => StudentPathQueries.StudentsAsync(c, sql, scope, filter, limit, t), cancellationToken);
    }

    /// <summary>A student's latest grade against baseline in every subject they take, most below baseline first. None for an aggregates-only scope.</summary>
    public static Task<IReadOnlyList<SubjectStanding>> GetSubjectStandingsAsync(this IGradeStore store, Scope scope, string studentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(studentId);
        return store.ReadAsync((c, sql, t) => StudentPathQueries.StandingsAsync(c, sql, scope, studentId, t), cancellationToken);
    }

    /// <summary>Per series the students above, at and below baseline; and (unless aggregates only) the <paramref name="furthest"/> students furthest below on their latest grade.</summary>
    public static Task<BaselineComparison> GetBaselineComparisonAsync(this IGradeStore store, Scope scope, TrackingFilter filter, int furthest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return store.AnswerAsync(AnswerKey.For("tracking.baseline", scope, filter, furthest), async (c, sql, t) => new BaselineComparison(filter.Subject,
            await SeriesQueries.BaselineSharesAsync(c, sql, scope, filter, t),
            await StudentPathQueries.FurthestBelowAsync(c, sql, scope, filter, furthest, t)), cancellationToken);
    }

    /// <summary>How a subject's grades read on an axis (its scale, with "U" for 0 on 9-1); null when the subject has no results in scope.</summary>
    public static Task<SubjectScale?> GetSubjectScaleAsync(this IGradeStore store, Scope scope, string subject, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        return store.ReadAsync((c, sql, t) => SubjectQueries.ScaleAsync(c, sql, scope, subject, t), cancellationToken);
    }

    /// <summary>The subjects with whole-subject results, with their series, students and baselines (domain-only subjects cannot be tracked).</summary>
    public static Task<IReadOnlyList<TrackingSubject>> GetTrackingSubjectsAsync(this IGradeStore store, Scope scope, CancellationToken cancellationToken = default) =>
        store.AnswerAsync(AnswerKey.For("tracking.subjects", scope), (c, sql, t) => SubjectQueries.SubjectsAsync(c, sql, scope, t), cancellationToken);

    /// <summary>The attributes (teaching group, gender, school...) and values the subject's students can be narrowed to.</summary>
    public static Task<IReadOnlyList<TrackingGroup>> GetTrackingGroupsAsync(this IGradeStore store, Scope scope, string subject, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        return store.AnswerAsync(AnswerKey.For("tracking.groups", scope, subject), (c, sql, t) => SubjectQueries.GroupsAsync(c, sql, scope, subject, t), cancellationToken);
    }

    /// <summary>How well each earlier series predicted the subject's final (every subject when the filter's subject is empty).</summary>
    public static Task<IReadOnlyList<MockBackTest>> GetMockBackTestsAsync(this IGradeStore store, Scope scope, TrackingFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return store.AnswerAsync(AnswerKey.For("tracking.backtest", scope, filter), (c, sql, t) => BackTestQueries.BackTestAsync(c, sql, scope, filter, t), cancellationToken);
    }

    /// <summary>A subject's box plot, chart-ready: its scale for the axis and one box per series; null when the subject (or group) has no results in scope.</summary>
    public static async Task<SeriesBoxes?> GetSeriesBoxPlotAsync(this IGradeStore store, Scope scope, TrackingFilter filter, CancellationToken cancellationToken = default)
    {
        var boxes = await store.GetSeriesBoxesAsync(scope, filter, cancellationToken);
        var scale = await store.GetSubjectScaleAsync(scope, filter.Subject, cancellationToken);
        return boxes.Count == 0 || scale is null
            ? null
            : new SeriesBoxes(filter.Subject, boxes.Where(b => !b.IsBaseline).Select(b => b.N).DefaultIfEmpty(0).Max(), TrackingFilter.QuartileMethod, scale, boxes);
    }
}

/// <summary>A subject's box plot: its title count ("Maths: 71 students"), its scale for the axis, and one box per series.</summary>
public sealed record SeriesBoxes(string Subject, long Students, string QuartileMethod, SubjectScale Scale, IReadOnlyList<SeriesBox> Boxes);

/// <summary>A student's standing in every subject they take.</summary>
public sealed record StudentStandings(string StudentId, IReadOnlyList<SubjectStanding> Subjects);

/// <summary>The back-test of every mock against its final, with how it was computed.</summary>
public sealed record MockBackTests(string Method, IReadOnlyList<MockBackTest> Tests);
