using GradeLens.Core.Models;
using GradeLens.Core.Risk;

namespace GradeLens.Core.Tests.Risk;

/// <summary>Clusters of a large cohort: k is chosen on a seeded sample, then fitted on every student.</summary>
public sealed class ClusterAnalysisTests
{
    /// <summary>Three well-separated groups of students on two subjects (sizes 50%, 30%, 20%), deterministic from the seed.</summary>
    private static StudentTable ThreeGroups(int students, int seed)
    {
        var random = new Random(seed);
        double[][] centres = [[30, 30], [70, 35], [50, 80]];
        var values = new double[students * 2];
        for (var i = 0; i < students; i++)
        {
            var group = i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2;
            values[2 * i] = centres[group][0] + (3 * Gaussian(random));
            values[(2 * i) + 1] = centres[group][1] + (3 * Gaussian(random));
        }

        return new StudentTable("Final", Enumerable.Range(1, students).Select(i => $"S{i}").ToList(), new FeatureMatrix(["Maths", "English"], values), [], []);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Above_the_selection_sample_k_is_chosen_on_the_sample_and_every_student_is_clustered()
    {
        var table = ThreeGroups(ClusterAnalysis.SelectionSample + 5_000, seed: 1);

        var result = ClusterAnalysis.Run(table);

        Assert.Equal(ClusterAnalysis.SelectionSample, result.ChosenOnStudents);
        Assert.Equal(3, result.K);
        Assert.Equal(7, result.Silhouettes.Count);
        Assert.Equal(3, result.Silhouettes.MaxBy(s => s.Silhouette)!.K);
        Assert.Equal(table.StudentIds.Count, result.Labels.Count);
        // The groups are found whole: 50%, 30% and 20% of every student, cluster 1 the largest.
        Assert.Equal([7_500, 4_500, 3_000], result.Clusters.Select(c => c.Students));
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(i % 10 < 5 ? 1 : i % 10 < 8 ? 2 : 3, result.Labels[i]);
        }
    }

    [Fact]
    public void Up_to_the_selection_sample_every_student_chooses_k_and_a_fixed_k_skips_the_choice()
    {
        var table = ThreeGroups(600, seed: 2);

        var chosen = ClusterAnalysis.Run(table);
        var fixedK = ClusterAnalysis.Run(table, k: 2);

        Assert.Equal(600, chosen.ChosenOnStudents);
        Assert.Equal(3, chosen.K);
        Assert.Equal([300, 180, 120], chosen.Clusters.Select(c => c.Students));
        Assert.Empty(fixedK.Silhouettes);
        Assert.Equal(2, fixedK.K);
        Assert.Equal(600, fixedK.ChosenOnStudents);
    }
}
