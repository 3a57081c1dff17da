using GradeLens.Core.Gaps;
using GradeLens.Core.Import;
using GradeLens.Core.Quality;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Storage;

/// <summary>
/// The store: one interface, an embedded DuckDB file by default and PostgreSQL for shared deployments.
/// Every read takes a <see cref="Scope"/> and applies it in SQL.
/// </summary>
public interface IGradeStore : IAsyncDisposable
{
    /// <summary>Where the store is, for messages ("./gradelens.duckdb").</summary>
    string Location { get; }

    /// <summary>Users, API keys, the audit log and pseudonym keys, kept in the same store as the data they protect.</summary>
    Accounts.IAccountStore Accounts { get; }

    Task<StoreInfo> GetInfoAsync(Scope scope, CancellationToken cancellationToken = default);

    /// <summary>Imports files all-or-nothing (unless <see cref="ImportRequest.SkipBadRows"/>) and reports every rejected row.</summary>
    Task<ImportReport> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Box statistics of every series of a subject (the baseline first), for the Tracking page.</summary>
    Task<IReadOnlyList<SeriesBox>> GetSeriesBoxesAsync(Scope scope, TrackingFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Each student's path through a subject's series against their baseline; at most <paramref name="limit"/> students (a stable sample). None for an aggregates-only scope.</summary>
    Task<SubjectStudents> GetSubjectStudentsAsync(Scope scope, TrackingFilter filter, int limit, CancellationToken cancellationToken = default);

    /// <summary>A student's latest grade against baseline in every subject they take, most below baseline first. None for an aggregates-only scope.</summary>
    Task<IReadOnlyList<SubjectStanding>> GetSubjectStandingsAsync(Scope scope, string studentId, CancellationToken cancellationToken = default);

    /// <summary>Every result of a student (each subject, domain and series) and their baselines, in order. None for an aggregates-only scope.</summary>
    Task<IReadOnlyList<StudentResult>> GetStudentResultsAsync(Scope scope, string studentId, CancellationToken cancellationToken = default);

    /// <summary>Per series the students above, at and below baseline; and (unless aggregates only) the <paramref name="furthest"/> students furthest below on their latest grade.</summary>
    Task<BaselineComparison> GetBaselineComparisonAsync(Scope scope, TrackingFilter filter, int furthest, CancellationToken cancellationToken = default);

    /// <summary>How a subject's grades read on an axis (its scale, with "U" for 0 on 9-1); null when the subject has no results in scope.</summary>
    Task<SubjectScale?> GetSubjectScaleAsync(Scope scope, string subject, CancellationToken cancellationToken = default);

    /// <summary>The subjects with whole-subject results, with their series, students and baselines (domain-only subjects cannot be tracked).</summary>
    Task<IReadOnlyList<TrackingSubject>> GetTrackingSubjectsAsync(Scope scope, CancellationToken cancellationToken = default);

    /// <summary>The attributes (teaching group, gender, school...) and values the subject's students can be narrowed to.</summary>
    Task<IReadOnlyList<TrackingGroup>> GetTrackingGroupsAsync(Scope scope, string subject, CancellationToken cancellationToken = default);

    /// <summary>How well each earlier series predicted the subject's final (every subject when the filter's subject is empty).</summary>
    Task<IReadOnlyList<MockBackTest>> GetMockBackTestsAsync(Scope scope, TrackingFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Each group's statistics (n, mean, variance, count below proficiency) in every cell of the request: series x subject
    /// (x domain) x its dimensions, and every coarser total of them. Suppression and tests are the caller's (<see cref="GapAnalysis"/>).
    /// </summary>
    Task<GroupAggregates> GetGroupAggregatesAsync(Scope scope, GapRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// The at-risk model's features for a target assessment: scores of series before it, numeric and one-hot attributes
    /// (protected ones left out unless asked for). A feature from the target's own series is refused (<see cref="Risk.RiskDataException"/>).
    /// </summary>
    Task<Risk.RiskFeatureSet> GetRiskFeaturesAsync(Scope scope, Risk.RiskRequest request, CancellationToken cancellationToken = default);

    /// <summary>One series (the latest when null) as a table: each student's score per subject and domain, and their attributes.</summary>
    Task<Risk.StudentTable> GetStudentTableAsync(Scope scope, string? series, CancellationToken cancellationToken = default);

    /// <summary>
    /// An answer computed from this store's data within <paramref name="scope"/> (the clusters of a series...), kept with
    /// the store's cached answers until the data changes; the same key and scope get the kept answer. For answers of a
    /// modest size: a fitted model over a national cohort's feature matrix does not belong here.
    /// </summary>
    Task<T> RememberAsync<T>(string key, Scope scope, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>Replaces an organisation's higher-education quality data in one transaction.</summary>
    Task WriteQualityAsync(QualityData data, string organisation, CancellationToken cancellationToken = default);
}

/// <summary>Progress of a long import: a stage name and the fraction done (0..1).</summary>
public sealed record ImportProgress(string Stage, double Fraction);
