using System.Globalization;
using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using GradeLens.Core.Tests.Import;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Tests.Tracking;

public sealed class BaselineComparisonTests
{
    private const string Dataset = "yellis-tracking/merged_yellis_diff_with_exams.csv";
    private static readonly string[] SeriesOrder = ["MOCK 1", "MOCK 2", "GCSE"];

    /// <summary>Straight from the file, independently of the store: (student, series) -> score, and student -> baseline, for one subject.</summary>
    private static (Dictionary<(string, string), double> Scores, Dictionary<string, double> Baselines) FromFile(string subject)
    {
        var scores = new Dictionary<(string, string), double>();
        var baselines = new Dictionary<string, double>();
        foreach (var line in File.ReadLines(SharedFiles.Path(Dataset)).Skip(1))
        {
            var f = line.TrimEnd('\r').Split(',');
            if (f[2] != subject || f[4].Length == 0)
            {
                continue;
            }

            var score = double.Parse(f[4], CultureInfo.InvariantCulture);
            if (f[3] == "BASELINE")
            {
                baselines[f[0]] = score;
            }
            else
            {
                scores[(f[0], f[3])] = score;
            }
        }

        return (scores, baselines);
    }

    [Fact]
    public async Task Shares_above_at_and_below_baseline_match_a_count_made_from_the_file()
    {
        await using var temp = await TempStore.CreateAsync();
        Assert.True((await temp.Store.ImportAsync(new ImportRequest([SharedFiles.Path(Dataset)], SharedDatasetImportTests.SampleMapping(Dataset)))).Succeeded);
        var (scores, baselines) = FromFile("Maths");

        var comparison = await temp.Store.GetBaselineComparisonAsync(Scope.Everything, new TrackingFilter("Maths"), 10);

        Assert.Equal(SeriesOrder, comparison.Shares.Select(s => s.Series));
        foreach (var share in comparison.Shares)
        {
            var pairs = scores.Where(p => p.Key.Item2 == share.Series && baselines.ContainsKey(p.Key.Item1)).Select(p => p.Value - baselines[p.Key.Item1]).ToList();
            Assert.Equal((pairs.Count, pairs.Count(d => d > 0), pairs.Count(d => d == 0), pairs.Count(d => d < 0)), ((int)share.Students, (int)share.Above, (int)share.At, (int)share.Below));
        }

        var latest = baselines.Keys
            .Select(id => (id, series: SeriesOrder.LastOrDefault(s => scores.ContainsKey((id, s)))))
            .Where(x => x.series is not null)
            .Select(x => (x.id, difference: scores[(x.id, x.series!)] - baselines[x.id]))
            .Where(x => x.difference < 0).OrderBy(x => x.difference).ThenBy(x => x.id, StringComparer.Ordinal).Take(10).ToList();
        Assert.Equal(latest.Select(x => x.id), comparison.FurthestBelow.Select(s => s.StudentId));
        Assert.Equal(latest.Select(x => x.difference), comparison.FurthestBelow.Select(s => s.Difference));
    }

    [Fact]
    public async Task An_aggregates_only_scope_gets_the_shares_but_no_student_names()
    {
        await using var temp = await TempStore.CreateAsync();
        Assert.True((await temp.Store.ImportAsync(new ImportRequest([SharedFiles.Path(Dataset)], SharedDatasetImportTests.SampleMapping(Dataset)))).Succeeded);
        var comparison = await temp.Store.GetBaselineComparisonAsync(new Scope(null, AggregatesOnly: true), new TrackingFilter("Maths"), 10);
        Assert.Equal(3, comparison.Shares.Count);
        Assert.Empty(comparison.FurthestBelow);
    }
}
