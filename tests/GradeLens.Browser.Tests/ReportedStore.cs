using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Quality;
using GradeLens.Core.Storage;

namespace GradeLens.Browser.Tests;

/// <summary>A store whose import answers with a fixed report, to check how the Data page shows each part of one.</summary>
public sealed class ReportedStore(ImportReport report) : IGradeStore
{
    public string Location => "reported.duckdb";

    public GradeLens.Core.Accounts.IAccountStore Accounts { get; } = new AuditOnlyAccounts();

    public ImportRequest? LastRequest { get; private set; }

    public Task<StoreInfo> GetInfoAsync(Scope scope, CancellationToken cancellationToken = default) =>
        Task.FromResult(new StoreInfo(StoreSchema.Version, Location, StoreSchema.Tables.ToDictionary(t => t, _ => 0L), 0, 0, 0, [], [], []));

    public Task<ImportReport> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        LastRequest = request;
        return Task.FromResult(report);
    }

    public Task WriteQualityAsync(QualityData data, string organisation, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<GradeLens.Core.Tracking.SeriesBox>> GetSeriesBoxesAsync(Scope scope, GradeLens.Core.Tracking.TrackingFilter filter, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<GradeLens.Core.Tracking.SeriesBox>>([]);

        public Task<GradeLens.Core.Tracking.SubjectStudents> GetSubjectStudentsAsync(Scope scope, GradeLens.Core.Tracking.TrackingFilter filter, int limit, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GradeLens.Core.Tracking.SubjectStudents(filter.Subject, 0, false, []));

        public Task<IReadOnlyList<GradeLens.Core.Tracking.SubjectStanding>> GetSubjectStandingsAsync(Scope scope, string studentId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<GradeLens.Core.Tracking.SubjectStanding>>([]);

        public Task<T> RememberAsync<T>(string key, Scope scope, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken = default)
            where T : class =>
            compute(cancellationToken);

        public Task<IReadOnlyList<GradeLens.Core.Tracking.StudentResult>> GetStudentResultsAsync(Scope scope, string studentId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<GradeLens.Core.Tracking.StudentResult>>([]);

        public Task<GradeLens.Core.Tracking.BaselineComparison> GetBaselineComparisonAsync(Scope scope, GradeLens.Core.Tracking.TrackingFilter filter, int furthest, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GradeLens.Core.Tracking.BaselineComparison(filter.Subject, [], []));

    public Task<GradeLens.Core.Tracking.SubjectScale?> GetSubjectScaleAsync(Scope scope, string subject, CancellationToken cancellationToken = default) =>
        Task.FromResult<GradeLens.Core.Tracking.SubjectScale?>(null);

    public Task<IReadOnlyList<GradeLens.Core.Tracking.TrackingGroup>> GetTrackingGroupsAsync(Scope scope, string subject, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<GradeLens.Core.Tracking.TrackingGroup>>([]);

    public Task<IReadOnlyList<GradeLens.Core.Tracking.TrackingSubject>> GetTrackingSubjectsAsync(Scope scope, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<GradeLens.Core.Tracking.TrackingSubject>>([]);

    public Task<IReadOnlyList<GradeLens.Core.Tracking.MockBackTest>> GetMockBackTestsAsync(Scope scope, GradeLens.Core.Tracking.TrackingFilter filter, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<GradeLens.Core.Tracking.MockBackTest>>([]);

    public Task<GradeLens.Core.Gaps.GroupAggregates> GetGroupAggregatesAsync(Scope scope, GradeLens.Core.Gaps.GapRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(GradeLens.Core.Gaps.GroupAggregates.Unknown(request.Attribute, ["gender"]));

    public Task<GradeLens.Core.Risk.RiskFeatureSet> GetRiskFeaturesAsync(Scope scope, GradeLens.Core.Risk.RiskRequest request, CancellationToken cancellationToken = default) =>
        throw new GradeLens.Core.Risk.RiskDataException("There are no assessments in scope.");

    public Task<GradeLens.Core.Risk.StudentTable> GetStudentTableAsync(Scope scope, string? series, CancellationToken cancellationToken = default) =>
        throw new GradeLens.Core.Risk.RiskDataException("There are no assessments in scope.");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A dry run over an Arabic/French file with two rejected rows.</summary>
    public static ImportReport ArabicDryRun { get; } = new(
        Succeeded: false,
        DryRun: true,
        Message: "2 rows of نتائج.csv would be rejected; nothing was stored.",
        Tables:
        [
            new TableHealth(
                File: "نتائج.csv",
                Sheet: null,
                Kind: TableKind.Students,
                Encoding: "utf-8",
                Delimiter: ';',
                Shape: "wide",
                Rows: 4,
                Students: 4,
                Subjects: ["Mathematics", "Français"],
                Series: ["Final"],
                Columns:
                [
                    new ColumnHealth("رقم الطالب", ColumnRole.StudentId, "student_id", 0, 4, null, 0, 0, null, null),
                    new ColumnHealth("رياضيات", ColumnRole.Score, "Mathematics / Final", 1, 3, "percent", 1, 0, "12", "140"),
                    new ColumnHealth("Mathématiques", ColumnRole.Score, "Français / Final", 0, 4, "percent", 0, 1, "0", "88"),
                    new ColumnHealth("remarque", ColumnRole.Ignore, null, 2, 2, null, 0, 0, null, null),
                ],
                UnmappedColumns: ["remarque"],
                DuplicateRows: 0,
                Notes: ["Scores read as percent (0-100)."],
                Mapping: new ImportMapping { Columns = [] }),
        ],
        Rejected:
        [
            new RejectedRow("نتائج.csv", 3, "رياضيات", "140", "140 is above the scale's maximum of 100"),
            new RejectedRow("نتائج.csv", 5, null, null, "the row has 2 fields; the header has 4"),
        ],
        RejectedTotal: 2,
        Written: WriteCounts.None,
        RejectFile: null,
        Seconds: 0.2);
}
