using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage;
using GradeLens.Core.Tests.Tracking;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Tests.Storage;

public sealed class AnswerCacheTests
{
    [Fact]
    public async Task Concurrent_requests_for_one_answer_share_one_computation_and_a_failure_is_not_kept()
    {
        var cache = new AnswerCache();
        var computed = 0;
        var gate = new TaskCompletionSource();
        var key = AnswerKey.For("k", Scope.Everything);
        var waiting = Enumerable.Range(0, 10).Select(_ => cache.GetOrAddAsync("v1", key, async _ =>
        {
            Interlocked.Increment(ref computed);
            await gate.Task;
            return "answer";
        }, CancellationToken.None)).ToList();
        gate.SetResult();

        Assert.All(await Task.WhenAll(waiting), a => Assert.Equal("answer", a));
        Assert.Equal(1, computed);

        var bad = AnswerKey.For("bad", Scope.Everything);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrAddAsync<string>("v1", bad, _ => throw new InvalidOperationException("no"), CancellationToken.None));
        Assert.Equal("second try", await cache.GetOrAddAsync("v1", bad, _ => Task.FromResult("second try"), CancellationToken.None));
    }

    [Fact]
    public async Task A_new_data_version_starts_the_cache_again()
    {
        var cache = new AnswerCache();
        var key = AnswerKey.For("k", Scope.Everything);

        Assert.Equal("first", await cache.GetOrAddAsync("v1", key, _ => Task.FromResult("first"), CancellationToken.None));
        Assert.Equal("first", await cache.GetOrAddAsync("v1", key, _ => Task.FromResult("again"), CancellationToken.None));
        Assert.Equal("new data", await cache.GetOrAddAsync("v2", key, _ => Task.FromResult("new data"), CancellationToken.None));
        Assert.Equal("v2", cache.Version);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Keys_differ_by_scope_and_by_every_argument()
    {
        var keys = new[]
        {
            AnswerKey.For("series", Scope.Everything, "Maths", null, null),
            AnswerKey.For("series", Scope.ForOrganisation("a"), "Maths", null, null),
            AnswerKey.For("series", new Scope("a", ["S1"]), "Maths", null, null),
            AnswerKey.For("series", new Scope("a", AggregatesOnly: true), "Maths", null, null),
            AnswerKey.For("series", Scope.Everything, "Maths", "gender", "F"),
            AnswerKey.For("series", Scope.Everything, "Maths", "gender", ""),
            AnswerKey.For("students", Scope.Everything, "Maths", null, null),
        };
        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal(keys[2], AnswerKey.For("series", new Scope("a", new List<string> { "S1" }), "Maths", null, null));
    }

    [Fact]
    public async Task An_import_clears_the_stores_answers_so_the_next_request_sees_the_new_data()
    {
        await using var temp = await TrackingStores.YellisAsync();
        var before = await temp.Store.GetSeriesBoxesAsync(Scope.Everything, new TrackingFilter("Maths"));
        Assert.Equal(71, before.Single(b => b.Series == "GCSE").N);

        var file = Path.Combine(temp.Directory, "late.csv");
        await File.WriteAllTextAsync(file, "Student,Subject,Exam_Series,Score\nLate Joiner,Maths,GCSE,9\n");
        var report = await temp.Store.ImportAsync(new ImportRequest([file], new ImportMapping
        {
            Columns =
            [
                new() { Header = "Student", Role = ColumnRole.StudentId },
                new() { Header = "Subject", Role = ColumnRole.Subject },
                new() { Header = "Exam_Series", Role = ColumnRole.Series },
                new() { Header = "Score", Role = ColumnRole.Score, Scale = GradeScales.Gcse91Id },
            ],
        }));
        Assert.True(report.Succeeded, report.Message);

        var after = await temp.Store.GetSeriesBoxesAsync(Scope.Everything, new TrackingFilter("Maths"));
        Assert.Equal(72, after.Single(b => b.Series == "GCSE").N);
        Assert.Equal(9, after.Single(b => b.Series == "GCSE").Maximum);
    }
}
