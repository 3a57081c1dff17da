using GradeLens.Core.Demo;
using GradeLens.Core.Reports;
using GradeLens.Core.Storage.DuckDb;

namespace GradeLens.Core.Tests.Reports;

/// <summary>
/// The demo store (2,000 national students), built once per test class and closed; each test opens its own copy of
/// the file (<see cref="OpenCopyAsync"/>), so a test that adds a user or writes the audit log leaves nothing for another.
/// </summary>
public sealed class DemoReportStore : IAsyncLifetime
{
    public const int NationalStudents = 2000;

    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-report-demo-").FullName;

    private string StorePath => Path.Combine(_directory, "demo.duckdb");

    public async Task InitializeAsync()
    {
        await using var store = await DuckDbStore.OpenAsync(StorePath);
        await DemoBuilder.BuildAsync(store, new DemoOptions(NationalStudents: NationalStudents));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A copy of the demo store in a new folder, with an empty folder beside it for the report.</summary>
    public async Task<DemoCopy> OpenCopyAsync()
    {
        var directory = Directory.CreateTempSubdirectory("gradelens-report-test-").FullName;
        var path = Path.Combine(directory, "store.duckdb");
        File.Copy(StorePath, path);
        if (File.Exists(StorePath + ".wal"))
        {
            File.Copy(StorePath + ".wal", path + ".wal");
        }
        return new DemoCopy(directory, await DuckDbStore.OpenAsync(path));
    }
}

/// <summary>A test's own demo store and report folder, deleted afterwards.</summary>
public sealed class DemoCopy(string directory, DuckDbStore store) : IAsyncDisposable
{
    public DuckDbStore Store => store;

    public string ReportDirectory => Path.Combine(directory, "report");

    public Task<ReportSummary> WriteAsync(string study, ReportAudience? audience = null, ReportOptions? options = null) =>
        ReportWriter.WriteAsync(store, StudyReports.Select(study), ReportDirectory, audience ?? ReportAudience.CommandLineAdmin, options);

    /// <summary>The first line of a report CSV, the byte-order mark left off.</summary>
    public string[] HeaderOf(string relative) => File.ReadLines(Path.Combine(ReportDirectory, relative)).First().TrimStart('\uFEFF').Split(',');

    public async ValueTask DisposeAsync()
    {
        await store.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
