namespace GradeLens.Core.Tests.Gaps;

/// <summary>A gaps table has no cell for a dimension the data lacks: the exam table has no region, school or grade.</summary>
public sealed class GapDimensionTests
{
    [Fact]
    public async Task A_dimension_no_student_has_gives_no_cells_and_is_named_as_not_recorded()
    {
        await using var temp = await GapTableTests.ExamsStoreAsync();

        var answer = await temp.Store.GetGapTableAsync(Scope.Everything, new GapRequest("gender", [GapDimension.Region, GapDimension.GradeLevel]));
        var plain = await temp.Store.GetGapTableAsync(Scope.Everything, new GapRequest("gender", []));

        Assert.Equal(["region", "grade_level"], answer.NotRecorded);
        Assert.Empty(answer.Table!.Within);
        Assert.Equal(3, answer.Table.Gaps.Count);
        Assert.Equal(plain.Table!.Gaps.Select(g => (g.Subject, g.GapPoints)), answer.Table.Gaps.Select(g => (g.Subject, g.GapPoints)));
        Assert.DoesNotContain(answer.Table.Cells, c => c.Region is not null || c.GradeLevel is not null);
        Assert.Empty(plain.NotRecorded);
    }
}
