using System.Text.Json;
using GradeLens.Core.Models;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.Postgres;
using GradeLens.Core.Tests.Models;

namespace GradeLens.Core.Tests.Risk;

/// <summary>The risk model over a generated cohort that separates, repeats itself, never varies and misses scores.</summary>
public sealed class RiskModelStoreTests
{
    [Fact]
    public async Task An_assessment_due_after_the_cutoff_never_enters_the_features()
    {
        await using var temp = await TempStore.CreateAsync();
        await GeneratedCohort.ImportAsync(temp.Store, temp.Directory);

        var bySeries = await temp.Store.GetRiskFeaturesAsync(Scope.Everything, new RiskRequest("Final", "Maths", Cutoff: "Mock 1"));
        var byDate = await temp.Store.GetRiskFeaturesAsync(Scope.Everything, new RiskRequest("Final", "Maths", Cutoff: "2026-01-15"));
        var all = await temp.Store.GetRiskFeaturesAsync(Scope.Everything, new RiskRequest("Final", "Maths"));

        Assert.Equal(["Mock 1"], bySeries.FeatureSeries);
        foreach (var set in new[] { bySeries, byDate })
        {
            Assert.Contains("Mock 1 Maths", set.Training.Features.Names);
            Assert.DoesNotContain(set.Training.Features.Names, n => n.StartsWith("Mock 2", StringComparison.Ordinal) || n.StartsWith("Final", StringComparison.Ordinal));
        }

        // Without a cutoff, Mock 2's non-submissions are a feature of their own, and counted.
        Assert.Contains("Mock 2 Maths (missing)", all.Training.Features.Names);
        Assert.True(all.Missing.Single(m => m.Feature == "Mock 2 Maths").Missing > 10);
        var refused = await Assert.ThrowsAsync<RiskDataException>(() =>
            temp.Store.GetRiskFeaturesAsync(Scope.Everything, new RiskRequest("Final", "Maths", FeatureSeries: ["Mock 2"], Cutoff: "Mock 1")));
        Assert.Contains("after the cutoff", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outcome_column_is_a_target_on_the_duckdb_store()
    {
        await using var temp = await TempStore.CreateAsync();
        await GeneratedCohort.ImportAsync(temp.Store, temp.Directory);
        await AssertOutcomeColumnAsync(temp.Store);
    }

    [PostgresFact]
    public async Task An_outcome_column_is_a_target_on_the_postgresql_store()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var store = await PostgresStore.OpenAsync(database.Url);
        var directory = Directory.CreateTempSubdirectory("gradelens-outcome-").FullName;
        await GeneratedCohort.ImportAsync(store, directory);
        await AssertOutcomeColumnAsync(store);
        Directory.Delete(directory, recursive: true);
    }

    private static async Task AssertOutcomeColumnAsync(IGradeStore store)
    {
        var csv = GeneratedCohort.Csv().Split('\n').Skip(1).Where(l => l.Contains(",Final,", StringComparison.Ordinal)).ToList();
        var failed = csv.Count(l => l.Contains(",Fail,", StringComparison.Ordinal) || l.Contains(",Withdrawn,", StringComparison.Ordinal));

        var result = await RiskAnalysis.RunAsync(store, Scope.Everything, new RiskRequest("", "", TargetColumn: "final_result", Positive: ["Fail", "withdrawn"], Attributes: ["lunch"]));

        Assert.Equal(GeneratedCohort.Students, result.Report.Students);
        Assert.Equal(failed, result.Report.Positives);
        Assert.Equal("final_result is Fail or withdrawn", result.Features.Outcome);
        Assert.DoesNotContain(result.Features.FeatureNames, n => n.StartsWith("final_result", StringComparison.Ordinal));
        Assert.InRange(result.Report.Auc.Auc, 0.6, 1.0);

        var targets = await store.GetModelTargetsAsync(Scope.Everything);
        Assert.Contains(targets.OutcomeColumns, c => c.Column == "final_result" && c.Levels.Count == 3);
        Assert.Equal(("Final", "Maths"), (targets.DefaultTarget!.Series, targets.DefaultTarget.Subject));
    }

    [Fact]
    public async Task A_feature_that_separates_and_columns_that_repeat_give_finite_figures_and_flag_what_cannot_be_trusted()
    {
        await using var temp = await TempStore.CreateAsync();
        await GeneratedCohort.ImportAsync(temp.Store, temp.Directory);

        var result = await RiskAnalysis.RunAsync(temp.Store, Scope.Everything, new RiskRequest("Final", "Maths", IncludeProtected: true));
        var json = JsonSerializer.Serialize(RiskView.From(result));

        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
        Assert.Contains(result.Features.Notes, n => n.Contains("'meals_yes' carries the same information as 'lunch_standard'", StringComparison.Ordinal));
        Assert.Contains(result.Features.Notes, n => n.Contains("'country' is 'UK' for every student", StringComparison.Ordinal));
        Assert.Contains(result.Features.Notes, n => n.Contains("Protected attributes used as features, knowingly: gender", StringComparison.Ordinal));
        var band = result.Report.OddsRatios.Single(o => o.Feature == "band_low");
        Assert.Null(band.Ratio);
        Assert.Contains("separates the outcome", band.NotShown, StringComparison.Ordinal);
        Assert.All(result.Report.OddsRatios.Where(o => o.Ratio is not null), o => Assert.True(double.IsFinite(o.Upper!.Value)));
    }

    [Fact]
    public async Task The_models_page_and_train_give_the_same_auc_for_the_same_request()
    {
        await using var temp = await TempStore.CreateAsync();
        await GeneratedCohort.ImportAsync(temp.Store, temp.Directory);

        // What the Models API and `gradelens train --features none --attributes lunch,band --below 50 --seed 7` each call.
        var models = await ModelAnalysis.RunAsync(temp.Store, Scope.Everything, "Final", new PredictionRequest("Maths", ["band", "lunch"], Below: 50, Seed: 7));
        var train = await RiskAnalysis.RunAsync(temp.Store, Scope.Everything, new RiskRequest("Final", "Maths", 50, FeatureSeries: [], Attributes: ["lunch", "band"]), new RiskOptions(Seed: 7));

        Assert.Equal(train.Report.Students, models.Result.Students);
        Assert.Equal(train.Report.Auc.Auc, models.Result.CvAuc!.Value, 1e-9);
        Assert.Equal(["band_low", "lunch_standard"], train.Features.FeatureNames);
    }

    [Fact]
    public async Task The_model_learns_from_and_ranks_only_the_targets_own_organisation_and_series()
    {
        await using var temp = await TempStore.CreateAsync();
        await GeneratedCohort.ImportAsync(temp.Store, temp.Directory);
        var census = temp.WriteFile("census.csv", "student_id,subject,series,score\n" + string.Concat(Enumerable.Range(1, 50).Select(i => $"T{i:000},Maths,Census,{i}\n")));
        var report = await temp.Store.ImportAsync(new GradeLens.Core.Import.ImportRequest([census], Organisation: "ministry"));
        Assert.True(report.Succeeded, report.Message);

        var result = await RiskAnalysis.RunAsync(temp.Store, Scope.Everything, new RiskRequest("Final", "Maths"));
        var targets = await temp.Store.GetModelTargetsAsync(Scope.Everything);

        Assert.Equal(GeneratedCohort.Students, result.Ranked.Count);
        Assert.DoesNotContain(result.Features.FeatureNames, n => n.StartsWith("Census", StringComparison.Ordinal));
        Assert.Equal(["Mock 1", "Mock 2"], targets.Targets.Single(t => t.Series == "Final").EarlierSeries);
        Assert.Empty(targets.Targets.Single(t => t.Series == "Census").EarlierSeries);
    }

    [Fact]
    public void Grouped_folds_keep_every_row_of_a_student_in_one_fold()
    {
        // 100 students with 3 rows each (three targets): no student may be in a fold's training and test rows at once.
        var random = new Random(2);
        var students = Enumerable.Range(0, 300).Select(i => $"S{i / 3:000}").ToArray();
        var x = new FeatureMatrix(["a"], [.. Enumerable.Range(0, 300).Select(_ => random.NextDouble())]);
        var y = Enumerable.Range(0, 300).Select(i => x[i, 0] + ((random.NextDouble() - 0.5) * 0.5) < 0.5).ToArray();

        var cv = RiskTrainer.CrossValidate(x, y, 5, 9, 1.0, students);

        foreach (var group in Enumerable.Range(0, 300).GroupBy(i => students[i]))
        {
            Assert.Single(group.Select(i => cv.Folds[i]).Distinct());
        }

        Assert.Equal(5, cv.Folds.Distinct().Count());
    }
}
