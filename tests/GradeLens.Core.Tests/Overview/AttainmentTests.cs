using GradeLens.Core.Overview;
using GradeLens.Core.Tests.Storage;

namespace GradeLens.Core.Tests.Overview;

public sealed class AttainmentTests
{
    [Fact]
    public async Task Gaps_of_every_attribute_are_corrected_together_and_ranked_by_effect_size()
    {
        await using var temp = await TempStore.CreateAsync();
        await StoreContractTests.ImportSharedAsync(temp.Store, StoreContractTests.StudentsPerformance);

        var view = await temp.Store.GetAttainmentAsync(Scope.Everything);

        Assert.Equal(3, view.Subjects.Count);
        Assert.Equal(3000, view.Results);
        Assert.Equal(["gender", "lunch", "parental level of education", "race/ethnicity", "test preparation course"], view.Attributes);
        var tables = new List<GapTable>();
        foreach (var attribute in view.Attributes)
        {
            tables.Add((await temp.Store.GetGapTableAsync(Scope.Everything, new GapRequest(attribute, Within: []))).Table!);
        }

        var every = tables.SelectMany(t => t.Gaps).Where(g => g.P is not null).ToList();
        var q = BenjaminiHochberg.QValues(every.Select(g => g.P!.Value).ToList());
        Assert.Equal(every.Count, view.Tested);
        Assert.Equal(q.Count(v => v <= 0.05), view.Significant);
        Assert.Equal(view.Widest.OrderByDescending(g => Math.Abs(g.HedgesG!.Value)).Select(g => g.HedgesG), view.Widest.Select(g => g.HedgesG));
        foreach (var gap in view.Widest)
        {
            var at = every.FindIndex(g => g.Attribute == gap.Attribute && g.Group == gap.Group && g.Subject == gap.Subject);
            Assert.Equal(q[at], gap.Q!.Value, 12);
            Assert.True(gap.Significant);
        }

        var below = view.Subjects.Sum(s => s.PercentBelow!.Value * s.Students) / view.Results;
        Assert.Equal(below, view.PercentBelow!.Value, 12);
    }
}
