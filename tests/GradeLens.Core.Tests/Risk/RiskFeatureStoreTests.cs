using GradeLens.Core.Import;
using GradeLens.Core.Models;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;
using GradeLens.Core.Tests.Import;
using GradeLens.Core.Tests.Models;

namespace GradeLens.Core.Tests.Risk;

/// <summary>The risk features and student tables read from a store, checked against the files they were imported from.</summary>
public sealed class RiskFeatureStoreTests
{
    private static async Task<TempStore> StoreOfAsync(string dataset)
    {
        var temp = await TempStore.CreateAsync();
        var report = await temp.Store.ImportAsync(new ImportRequest([SharedFiles.Path(dataset)], SharedDatasetImportTests.SampleMapping(dataset)));
        Assert.True(report.Succeeded, report.Message);
        return temp;
    }

    [Fact]
    public async Task Uci_features_for_G3_hold_the_files_G1_G2_and_numeric_columns_and_dropouts_are_left_to_score()
    {
        await using var temp = await StoreOfAsync("uci-student/student-mat.csv");

        var set = await temp.Store.GetRiskFeaturesAsync(Scope.Everything, new RiskRequest("G3", "Mathematics"));

        // 38 dropouts have G3 declared missing: they have no outcome and are the students to score.
        Assert.Equal(357, set.Training.Students);
        Assert.Equal(38, set.UnscoredIds.Count);
        Assert.Equal(10, set.Threshold);
        Assert.Equal(["G1", "G2"], set.FeatureSeries);
        var names = set.Training.Features.Names;
        Assert.Equal("G1 Mathematics", names[0]);
        Assert.Equal("G2 Mathematics", names[1]);
        Assert.Contains("absences", names);
        Assert.Contains("Mjob_health", names);
        Assert.DoesNotContain("Mjob_at_home", names);
        Assert.DoesNotContain(names, n => n.StartsWith("gender", StringComparison.Ordinal) || n.StartsWith("G3", StringComparison.Ordinal));
        Assert.Contains(set.Notes, n => n.Contains("gender", StringComparison.Ordinal));

        // The file's rows with G3 > 0, in the file's order, against the store's rows (ordered by generated id).
        var file = ModelTestData.Read("uci-student/student-mat.csv", ';').Where(r => r.Number("G3") > 0).ToList();
        Assert.Equal(file.Sum(r => r.Number("absences")), Column(set.Training.Features, "absences").Sum());
        Assert.Equal(file.Sum(r => r.Number("G2")), Column(set.Training.Features, "G2 Mathematics").Sum());
        Assert.Equal(file.Count(r => r.Number("G3") < 10), set.Training.Outcome.Count(v => v));
        Assert.Equal(file.Count(r => r["sex"] == "F"), set.Training.ProtectedGroups.Single(g => g.Attribute == "gender").Values.Count(v => v == "F"));
    }

    [Fact]
    public async Task A_store_fit_on_G1_G2_absences_failures_studytime_equals_the_same_fit_on_the_file()
    {
        await using var temp = await StoreOfAsync("uci-student/student-mat.csv");
        var set = await temp.Store.GetRiskFeaturesAsync(Scope.Everything,
            new RiskRequest("G3", "Mathematics", FeatureSeries: ["G1", "G2"], Attributes: ["absences", "failures", "studytime"]));
        var fromStore = LogisticRegression.Fit(set.Training.Features, set.Training.Outcome);

        string[] columns = ["G1", "G2", "absences", "failures", "studytime"];
        var file = ModelTestData.Read("uci-student/student-mat.csv", ';').Where(r => r.Number("G3") > 0).ToList();
        var fromFile = LogisticRegression.Fit(FeatureMatrix.FromRows(columns, file.Select(r => columns.Select(c => r.Number(c)).ToArray())), file.Select(r => r.Number("G3") < 10).ToArray());

        Assert.Equal(5, set.Training.Features.Columns);
        Assert.Equal(fromFile.Intercept, fromStore.Intercept, 1e-8);
        Assert.Equal(fromFile.Weights, fromStore.Weights, (a, b) => Math.Abs(a - b) < 1e-8);
    }

    [Fact]
    public async Task Gcse_features_are_the_mocks_only_and_asking_for_the_gcse_itself_is_refused()
    {
        await using var temp = await StoreOfAsync("yellis-tracking/merged_yellis_diff_with_exams.csv");

        var set = await temp.Store.GetRiskFeaturesAsync(Scope.Everything, new RiskRequest("GCSE", "Maths"));
        Assert.Equal(["MOCK 1", "MOCK 2"], set.FeatureSeries);
        Assert.Contains("MOCK 2 Maths", set.Training.Features.Names);
        Assert.DoesNotContain(set.Training.Features.Names, n => n.StartsWith("GCSE", StringComparison.Ordinal));
        Assert.Equal(4, set.Threshold);

        var refused = await Assert.ThrowsAsync<RiskDataException>(() => temp.Store.GetRiskFeaturesAsync(Scope.Everything, new RiskRequest("GCSE", "Maths", FeatureSeries: ["MOCK 2", "GCSE"])));
        Assert.Contains("outcome's own assessment", refused.Message, StringComparison.Ordinal);

        var knowingly = await temp.Store.GetRiskFeaturesAsync(Scope.Everything, new RiskRequest("GCSE", "Maths", IncludeProtected: true));
        Assert.Contains("gender_M", knowingly.Training.Features.Names);
    }

    [Fact]
    public async Task Another_organisations_scope_sees_no_series()
    {
        await using var temp = await StoreOfAsync("yellis-tracking/merged_yellis_diff_with_exams.csv");
        await Assert.ThrowsAsync<RiskDataException>(() => temp.Store.GetRiskFeaturesAsync(Scope.ForOrganisation("nobody"), new RiskRequest("GCSE", "Maths")));
    }

    [Fact]
    public async Task Students_performance_table_has_three_subjects_and_five_attributes_and_clusters_by_silhouette()
    {
        await using var temp = await StoreOfAsync("students-performance/StudentsPerformance.csv");
        var table = await temp.Store.GetStudentTableAsync(Scope.Everything, null);

        Assert.Equal("Final", table.Series);
        Assert.Equal(["Mathematics", "Reading", "Writing"], table.Scores.Names);
        Assert.Equal(1000, table.StudentIds.Count);
        var file = ModelTestData.Read("students-performance/StudentsPerformance.csv", ',');
        Assert.Equal(file.Sum(r => r.Number("math score")), Column(table.Scores, "Mathematics").Sum());
        Assert.Contains("lunch", table.AttributeNames);
        Assert.Equal(file.Count(r => r["lunch"] == "standard"), table.Attributes[table.AttributeNames.ToList().IndexOf("lunch")].Count(v => v == "standard"));

        var clusters = ClusterAnalysis.Run(table, seed: 3);
        Assert.True(clusters.KChosenBySilhouette);
        Assert.Equal(7, clusters.Silhouettes.Count);
        Assert.Equal(clusters.Silhouettes.MaxBy(s => s.Silhouette)!.K, clusters.K);
        Assert.Equal(1000, clusters.Clusters.Sum(c => c.Students));
        Assert.True(clusters.Clusters.Zip(clusters.Clusters.Skip(1)).All(t => t.First.Students >= t.Second.Students));
        // Weighted by size, cluster mean z-scores average to zero (the columns are standardised over everyone).
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(0.0, clusters.Clusters.Sum(c => c.Students * c.MeanZ[j]) / 1000, 1e-9);
        }
    }

    private static double[] Column(FeatureMatrix x, string name)
    {
        var j = x.Names.ToList().IndexOf(name);
        return Enumerable.Range(0, x.Rows).Select(i => x[i, j]).ToArray();
    }

    [Fact]
    public async Task The_fairness_view_suppresses_every_group_under_the_callers_minimum_cell_size()
    {
        await using var temp = await StoreOfAsync("uci-student/student-mat.csv");
        var request = new RiskRequest("G3", "Mathematics");
        var everyone = await RiskAnalysis.RunAsync(temp.Store, Scope.Everything, request);
        var groups = everyone.Report.Fairness.Where(g => g.Attribute == "gender").OrderByDescending(g => g.Students).ToList();
        Assert.All(groups, g => Assert.False(g.Suppressed));
        Assert.Equal(357, groups.Sum(g => g.Students));
        var (larger, smaller) = (groups[0], groups[1]);
        Assert.True(larger.Students > smaller.Students);

        // An analyst whose minimum cell size is the larger group's size sees that group, and nothing of the other.
        var analyst = await RiskAnalysis.RunAsync(temp.Store, new Scope(null, AggregatesOnly: true, MinimumCellSize: larger.Students!.Value), request);

        var seen = analyst.Report.Fairness.Where(g => g.Attribute == "gender").ToList();
        Assert.Equal(larger, seen.Single(g => g.Group == larger.Group));
        Assert.Equal(GroupPerformance.Suppress("gender", smaller.Group), seen.Single(g => g.Group == smaller.Group));
    }
}
