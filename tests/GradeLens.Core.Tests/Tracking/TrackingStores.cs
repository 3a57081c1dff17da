using GradeLens.Core.Import;
using GradeLens.Core.Tests.Import;

namespace GradeLens.Core.Tests.Tracking;

/// <summary>Stores holding the shared tracking files, imported with their sample mappings.</summary>
internal static class TrackingStores
{
    public const string Yellis = "yellis-tracking/merged_yellis_diff_with_exams.csv";

    /// <summary>A new store with the GCSE tracking file (long form, BASELINE as a series, 9-1 with U).</summary>
    public static async Task<TempStore> YellisAsync()
    {
        var temp = await TempStore.CreateAsync();
        var report = await temp.Store.ImportAsync(new ImportRequest([SharedFiles.Path(Yellis)], SharedDatasetImportTests.SampleMapping(Yellis)));
        Assert.True(report.Succeeded, report.Message);
        return temp;
    }
}
