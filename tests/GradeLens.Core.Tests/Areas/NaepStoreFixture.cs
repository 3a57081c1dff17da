using GradeLens.Core.Areas;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tests.Areas;

/// <summary>
/// One DuckDB store with every file of ../shared/data/naep imported with its docs/samples mapping (alphabetically, as
/// `ls` lists them), twice: the second pass must change nothing. Shared by the tests of one class, which only read it.
/// </summary>
public sealed class NaepStoreFixture : IAsyncLifetime
{
    private TempStore? _temp;

    public IGradeStore Store => _temp!.Store;

    /// <summary>Every report of both passes.</summary>
    public List<ImportReport> Reports { get; } = [];

    /// <summary>Table counts and the panel's correlations after the first pass, to compare with the store after the second.</summary>
    public (IReadOnlyDictionary<string, long> Counts, IReadOnlyList<AreaCorrelation> Correlations) FirstPass { get; private set; }

    /// <summary>The files of ../shared/data/naep, alphabetically.</summary>
    public static IReadOnlyList<string> Files() =>
        [.. Directory.GetFiles(SharedFiles.Path("naep"), "*.csv").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static async Task<IReadOnlyList<ImportReport>> ImportAllAsync(IGradeStore store)
    {
        var reports = new List<ImportReport>();
        foreach (var file in Files())
        {
            var mapping = ImportMapping.FromJson(await File.ReadAllTextAsync(SharedFiles.Mapping(file)));
            reports.Add(await store.ImportAsync(new ImportRequest([SharedFiles.Path("naep/" + file)], mapping)));
        }

        return reports;
    }

    public async Task InitializeAsync()
    {
        _temp = await TempStore.CreateAsync();
        Reports.AddRange(await ImportAllAsync(Store));
        FirstPass = ((await Store.GetInfoAsync(Scope.Everything)).TableCounts, AreaCorrelations.Compute((await Store.GetAreaDataAsync(Scope.Everything)).Panel));
        Reports.AddRange(await ImportAllAsync(Store));
    }

    public async Task DisposeAsync()
    {
        if (_temp is not null)
        {
            await _temp.DisposeAsync();
        }
    }
}
