using GradeLens.Core.Areas;
using GradeLens.Core.Models;
using Xunit.Abstractions;

namespace GradeLens.Core.Tests.Areas;

public sealed class AreaModelComparisonTests(ITestOutputHelper output)
{
    private static readonly AreaComparisonOptions _options = new(Trees: 50);

    [Fact]
    public void No_area_is_in_both_the_training_and_the_test_rows_of_any_grouped_fold()
    {
        var panel = NaepTestData.Panel();
        var plan = AreaModelComparison.Plan(panel, _options);

        for (var f = 0; f < plan.Folds; f++)
        {
            var (train, test) = plan.Split(f);
            var trainAreas = train.Select(i => panel.Areas[i]).ToHashSet();
            Assert.NotEmpty(test);
            Assert.DoesNotContain(test, i => trainAreas.Contains(panel.Areas[i]));
            Assert.Equal(panel.Rows, train.Length + test.Length);
            for (var inner = 0; inner < plan.InnerFolds; inner++)
            {
                var (innerTrain, innerTest) = plan.InnerSplit(f, inner);
                var innerAreas = innerTrain.Select(i => panel.Areas[i]).ToHashSet();
                Assert.DoesNotContain(innerTest, i => innerAreas.Contains(panel.Areas[i]) || plan.Fold[i] == f);
            }
        }

        Assert.Equal(51, plan.Groups);
        Assert.All(Enumerable.Range(0, plan.Folds), f => Assert.InRange(plan.Fold.Count(v => v == f) / 9, 10, 11));
    }

    [Fact]
    public void The_same_areas_get_the_same_folds_whatever_the_order_of_the_rows()
    {
        var panel = NaepTestData.Panel();
        var reversed = panel.Areas.Reverse().ToList();

        var plan = GroupedFolds.Assign(panel.Areas, 5, 7);
        var again = GroupedFolds.Assign(reversed, 5, 7);

        Assert.Equal(plan.Fold, again.Fold.Reverse());
        Assert.NotEqual(plan.Fold, GroupedFolds.Assign(panel.Areas, 5, 8).Fold);
    }

    [Fact]
    public void Every_model_is_scored_three_ways_with_the_random_split_labelled_optimistic_and_the_forward_cut_stated()
    {
        var comparison = AreaModelComparison.Compare(NaepTestData.Panel(), AreaNames.StudyMeasures, AreaNames.StudyScores, _options);

        foreach (var score in comparison.Scores)
        {
            Assert.Equal(12, score.Results.Count);
            Assert.Equal(2015, score.CutYear);
            Assert.All(score.Results, r => Assert.Equal(r.Validation == AreaValidation.RandomSplit, r.Optimistic));
            Assert.All(score.Results, r => Assert.Null(r.Reason));
            Assert.All(score.Results, r => Assert.True(r.Rmse > 0 && r.Mae > 0 && r.Mae <= r.Rmse));
            var forward = score.Results.First(r => r.Validation == AreaValidation.ForwardInTime);
            Assert.Equal("trained on 2003-2013, tested on 2015-2019 (cut year 2015)", forward.Description);
            Assert.Equal(51 * 6, forward.TrainRows);
            var grouped = score.Results.Where(r => r.Validation == AreaValidation.GroupedByArea);
            Assert.All(grouped, r => Assert.Equal(5, r.FoldRSquared!.Count));
            Assert.Contains(score.Choice.Model, new[] { "OLS", "Ridge", "Random forest", "Boosted trees" });
            Assert.EndsWith(".", score.Choice.Reason, StringComparison.Ordinal);
            foreach (var r in score.Results)
            {
                output.WriteLine($"{score.Score,-20} {r.Model,-14} {r.Validation,-14} R² {r.RSquared,7:F3} RMSE {r.Rmse,6:F2} MAE {r.Mae,6:F2} {r.Settings}");
            }

            output.WriteLine(score.Choice.Reason);
        }

        output.WriteLine("page: " + comparison.Choice.Reason);
    }

    [Fact]
    public void The_random_split_flatters_the_forest_next_to_grouped_cross_validation()
    {
        var comparison = AreaModelComparison.Compare(NaepTestData.Panel(), AreaNames.StudyMeasures, AreaNames.StudyScores,
            _options with { Models = [AreaModelKind.RandomForest] });

        var results = comparison.Scores.SelectMany(s => s.Results).ToList();
        var grouped = results.Where(r => r.Validation == AreaValidation.GroupedByArea).Average(r => r.RSquared!.Value);
        var random = results.Where(r => r.Validation == AreaValidation.RandomSplit).Average(r => r.RSquared!.Value);
        Assert.True(random > grouped + 0.05, $"The random split's mean R² {random:F3} is not clearly above grouped CV's {grouped:F3}.");
    }

    [Fact]
    public void The_comparison_is_reproducible_from_its_seed()
    {
        var panel = NaepTestData.Panel();

        var first = AreaModelComparison.Compare(panel, AreaNames.StudyMeasures, ["Reading grade 8"], _options);
        var second = AreaModelComparison.Compare(panel, AreaNames.StudyMeasures, ["Reading grade 8"], _options);

        var a = first.Scores[0].Results;
        var b = second.Scores[0].Results;
        Assert.Equal(a.Select(r => (r.Model, r.Validation, r.RSquared, r.Rmse, r.Mae, r.Settings)), b.Select(r => (r.Model, r.Validation, r.RSquared, r.Rmse, r.Mae, r.Settings)));
        Assert.Equal(first.Choice, second.Choice);
    }

    /// <summary>
    /// scikit-learn 1.2.1 on the NAEP join (Reading grade 4, every row):
    /// m = make_pipeline(StandardScaler(), Ridge(alpha=100.0)).fit(g[cols], g.avg_score);
    /// coef = m[1].coef_ / m[0].scale_; intercept = m[1].intercept_ - sum(coef * m[0].mean_).
    /// </summary>
    [Fact]
    public void Ridge_on_standardised_measures_matches_scikit_learn_in_the_original_units()
    {
        var panel = NaepTestData.Panel();
        var rows = panel.CompleteRows(AreaNames.StudyMeasures, "Reading grade 4");

        var fit = RidgeRegression.Fit(panel.Features(AreaNames.StudyMeasures), panel.ScoreColumn("Reading grade 4"), rows, 100);

        Assert.Equal(229.15186409996875, fit.Intercept, 1e-9);
        Assert.Equal(-0.825457558340978, fit.Slopes[0], 1e-12);
        Assert.Equal(3.7958952034332857e-05, fit.Slopes[1], 1e-15);
        Assert.Equal(-0.002673870989176983, fit.Slopes[2], 1e-12);
    }

    [Fact]
    public void Ridge_penalty_is_large_for_pure_noise_and_small_for_a_clean_signal()
    {
        var random = new Random(3);
        var areas = Enumerable.Range(0, 400).Select(i => "A" + (i / 4)).ToList();
        var x = FeatureMatrix.FromRows(["a", "b"], Enumerable.Range(0, 400).Select(_ => (IReadOnlyList<double>)[random.NextDouble(), random.NextDouble()]));
        var noise = Enumerable.Range(0, 400).Select(_ => random.NextDouble()).ToArray();
        var clean = Enumerable.Range(0, 400).Select(i => (3 * x[i, 0]) - x[i, 1] + (0.01 * noise[i])).ToArray();
        var plan = GroupedFolds.Assign(areas, 5, 1);
        var all = Enumerable.Range(0, 400).ToArray();

        Assert.True(RidgeRegression.ChooseAlpha(x, noise, all, plan.InnerFold, 5) >= 1000);
        Assert.Equal(0.01, RidgeRegression.ChooseAlpha(x, clean, all, plan.InnerFold, 5));
    }

    /// <summary>
    /// scripts/compare/areas_sklearn.py's score() (scikit-learn 1.2.1) on AreaCsvWriter's CSV of SyntheticAreas.Generate(200, seed: 11)
    /// with the comparison's folds, Reading grade 8: the mean over the grouped folds of (R², RMSE, MAE), then the forward split
    /// (year &lt; 2017) and the random split. Ridge's alpha per fold from GridSearchCV on the inner folds: 1, 1, 10, 1, 1.
    /// </summary>
    [Fact]
    public void Ols_and_ridge_figures_on_every_split_match_scikit_learn_on_the_same_folds()
    {
        var panel = SyntheticAreas.Generate(200, seed: 11);

        var results = AreaModelComparison.Compare(panel, SyntheticAreas.Measures, ["Reading grade 8"],
            new AreaComparisonOptions(Models: [AreaModelKind.OrdinaryLeastSquares, AreaModelKind.Ridge])).Scores[0].Results;

        double[][] expected =
        [
            [0.36652169258479467, 5.57441546459618, 4.437855086783952], [0.3762418680442505, 5.62738350629389, 4.498448940026598],
            [0.38423646575264914, 5.584902287886342, 4.36597369972212], [0.36631990670320447, 5.575410700200851, 4.439014948363236],
            [0.376219693950563, 5.627483529855698, 4.498335791534737], [0.38421584291507416, 5.584995810449799, 4.366158231125495],
        ];
        Assert.Equal(6, results.Count);
        for (var r = 0; r < 6; r++)
        {
            Assert.Equal(expected[r][0], results[r].RSquared!.Value, 1e-9);
            Assert.Equal(expected[r][1], results[r].Rmse!.Value, 1e-9);
            Assert.Equal(expected[r][2], results[r].Mae!.Value, 1e-9);
        }

        Assert.Equal("penalty per fold 1, 1, 10, 1, 1", results[3].Settings);
        Assert.Equal(2017, AreaModelComparison.CutYear(panel, new AreaComparisonOptions()));
    }
}
