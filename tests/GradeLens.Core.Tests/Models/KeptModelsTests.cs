using GradeLens.Core.Models;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tests.Models;

public sealed class KeptModelsTests
{
    private static readonly AnswerKey Key = AnswerKey.For("test.model", Scope.Everything, "a");

    [Fact]
    public async Task Identical_requests_arriving_together_share_one_fit()
    {
        var kept = new KeptModels(1 << 20);
        var release = new TaskCompletionSource();
        var calls = 0;
        async Task<string> FitAsync(CancellationToken token)
        {
            Interlocked.Increment(ref calls);
            await release.Task;
            return "model";
        }

        var requests = Enumerable.Range(0, 10).Select(_ => kept.GetOrFitAsync("v1", Key, FitAsync, _ => 100)).ToList();
        release.SetResult();
        var models = await Task.WhenAll(requests);

        Assert.Equal(1, calls);
        Assert.All(models, m => Assert.Equal("model", m));
        Assert.Equal(1, kept.Usage().Fits);
        Assert.Equal(9, kept.Usage().Hits);
    }

    [Fact]
    public async Task A_new_data_version_drops_every_kept_model_and_a_failed_fit_is_not_kept()
    {
        var kept = new KeptModels(1 << 20);
        await kept.GetOrFitAsync("v1", Key, _ => Task.FromResult("old"), _ => 100);

        Assert.Equal("new", await kept.GetOrFitAsync("v2", Key, _ => Task.FromResult("new"), _ => 100));
        Assert.Equal(1, kept.Usage().Models);
        Assert.Equal("v2", kept.Usage().DataVersion);

        var other = AnswerKey.For("test.model", Scope.Everything, "b");
        await Assert.ThrowsAsync<RiskDataException>(() => kept.GetOrFitAsync<string>("v2", other, _ => throw new RiskDataException("no"), _ => 100));
        Assert.Equal("fitted", await kept.GetOrFitAsync("v2", other, _ => Task.FromResult("fitted"), _ => 100));
    }

    [Fact]
    public async Task Above_the_budget_the_least_recently_used_model_is_dropped()
    {
        var kept = new KeptModels(250);
        var keys = Enumerable.Range(0, 3).Select(i => AnswerKey.For("test.model", Scope.Everything, i)).ToArray();
        await kept.GetOrFitAsync("v1", keys[0], _ => Task.FromResult("0"), _ => 100);
        await kept.GetOrFitAsync("v1", keys[1], _ => Task.FromResult("1"), _ => 100);
        await kept.GetOrFitAsync("v1", keys[0], _ => Task.FromResult("refitted"), _ => 100);
        await kept.GetOrFitAsync("v1", keys[2], _ => Task.FromResult("2"), _ => 100);

        var usage = kept.Usage();
        Assert.Equal(2, usage.Models);
        Assert.Equal(200, usage.UsedBytes);
        Assert.Equal(1, usage.Evictions);
        // Key 0 was used after key 1, so key 1 went; key 0 is still kept.
        Assert.Equal("0", await kept.GetOrFitAsync("v1", keys[0], _ => Task.FromResult("refitted"), _ => 100));
        Assert.Equal("1 again", await kept.GetOrFitAsync("v1", keys[1], _ => Task.FromResult("1 again"), _ => 100));
    }

    [Fact]
    public async Task A_model_larger_than_the_budget_is_kept_until_another_needs_the_room()
    {
        var kept = new KeptModels(250);
        var keys = Enumerable.Range(0, 2).Select(i => AnswerKey.For("test.model", Scope.Everything, i)).ToArray();
        await kept.GetOrFitAsync("v1", keys[0], _ => Task.FromResult("big"), _ => 1000);

        Assert.Equal("big", await kept.GetOrFitAsync("v1", keys[0], _ => Task.FromResult("refitted"), _ => 1000));
        Assert.Equal((1, 1000L, 0L), (kept.Usage().Models, kept.Usage().UsedBytes, kept.Usage().Evictions));

        await kept.GetOrFitAsync("v1", keys[1], _ => Task.FromResult("other"), _ => 1000);
        Assert.Equal((1, 1000L, 1L), (kept.Usage().Models, kept.Usage().UsedBytes, kept.Usage().Evictions));
        Assert.Equal("other", await kept.GetOrFitAsync("v1", keys[1], _ => Task.FromResult("refitted"), _ => 1000));
    }

    [Fact]
    public void The_default_budget_is_at_least_256_MB()
    {
        Assert.True(KeptModels.DefaultBudgetBytes >= 256L * 1024 * 1024, $"{KeptModels.DefaultBudgetBytes} bytes");
    }

    [Fact]
    public async Task The_kept_risk_model_answers_again_until_an_import_changes_the_data()
    {
        await using var temp = await TempStore.CreateAsync();
        await GeneratedCohort.ImportAsync(temp.Store, temp.Directory);
        var request = new RiskRequest("Final", "Maths");

        var first = await RiskAnalysis.RunAsync(temp.Store, Scope.Everything, request);
        var again = await RiskAnalysis.RunAsync(temp.Store, Scope.Everything, request);
        Assert.Same(first, again);

        await GeneratedCohort.ImportAsync(temp.Store, temp.Directory, seed: 12);
        var after = await RiskAnalysis.RunAsync(temp.Store, Scope.Everything, request);
        Assert.NotSame(first, after);
        Assert.NotEqual(first.Fitted.DataVersion, after.Fitted.DataVersion);
        Assert.Equal(after.Fitted.DataVersion, KeptModels.Of(temp.Store).Usage().DataVersion);
    }
}
