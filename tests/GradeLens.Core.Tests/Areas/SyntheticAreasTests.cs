using GradeLens.Core.Areas;
using GradeLens.Core.Models;

namespace GradeLens.Core.Tests.Areas;

public sealed class SyntheticAreasTests
{
    [Fact]
    public void The_benchmark_panel_has_ten_years_five_measures_four_scores_and_naep_like_correlations()
    {
        var panel = SyntheticAreas.Generate(2_000, seed: 1);

        var table = AreaCorrelations.Compute(panel);

        Assert.Equal(20_000, panel.Rows);
        Assert.Equal(5, panel.MeasureNames.Count);
        Assert.Equal(AreaNames.StudyScores, panel.ScoreNames);
        Assert.Equal(Enumerable.Range(2010, 10), panel.Years.Distinct().Order());
        Assert.All(table.Where(c => c.Measure == AreaNames.Poverty), c => Assert.InRange(c.R!.Value, -0.75, -0.35));
        var x = panel.Features([AreaNames.Poverty, AreaNames.MedianIncome]);
        var povertyIncome = Correlation.Pearson([.. Enumerable.Range(0, panel.Rows).Select(i => x[i, 0])], [.. Enumerable.Range(0, panel.Rows).Select(i => x[i, 1])]);
        Assert.InRange(povertyIncome.R, -0.75, -0.5);
    }

    [Fact]
    public void The_same_seed_gives_the_same_panel_and_another_seed_another()
    {
        var a = SyntheticAreas.Generate(50, seed: 3);
        var b = SyntheticAreas.Generate(50, seed: 3);
        var c = SyntheticAreas.Generate(50, seed: 4);

        Assert.Equal(a.ScoreColumn("Reading grade 8"), b.ScoreColumn("Reading grade 8"));
        Assert.NotEqual(a.ScoreColumn("Reading grade 8"), c.ScoreColumn("Reading grade 8"));
    }

    [Fact]
    public void The_csv_carries_every_row_and_the_comparisons_own_folds_and_random_split()
    {
        var panel = SyntheticAreas.Generate(30, seed: 5);
        var options = new AreaComparisonOptions();
        var plan = AreaModelComparison.Plan(panel, options);
        var random = AreaModelComparison.RandomTestRows(panel.Rows, 0.25, options.Seed);
        using var text = new StringWriter();

        AreaCsvWriter.Write(panel, text, plan, random);

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("area,parent,year,poverty_percent,median_income,unemployment_rate,child_poverty_percent,spending_per_student,"
            + "Mathematics grade 4,Mathematics grade 8,Reading grade 4,Reading grade 8,fold,inner_fold,random_test", lines[0]);
        Assert.Equal(301, lines.Length);
        var fields = lines[7].Split(',');
        Assert.Equal(panel.Areas[6], fields[0]);
        Assert.Equal(panel.Score(6, 3), double.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(plan.Fold[6].ToString(System.Globalization.CultureInfo.InvariantCulture), fields[12]);
        Assert.Equal(random[6] ? "1" : "0", fields[14]);
        Assert.Equal(75, random.Count(r => r));
    }

    [Fact]
    public void The_demo_has_every_state_over_nine_naep_years_and_about_three_thousand_counties_in_their_states()
    {
        var demo = NationalAreaDemo.Generate();

        Assert.Equal(51 * 9, demo.States.Count);
        Assert.All(demo.States, s => Assert.Equal(4, s.Scores.Count));
        Assert.InRange(demo.Counties.Count, 2_500, 3_700);
        var states = demo.States.Select(s => s.Area).ToHashSet();
        Assert.All(demo.Counties, c => Assert.Contains(c.ParentArea!, states));
        Assert.All(demo.Counties, c => Assert.Equal(3, c.Measures.Count));
        Assert.Equal(demo.Counties.Count, demo.Counties.Select(c => c.Area).Distinct().Count());
        var panel = AreaPanel.FromObservations(demo.States);
        Assert.All(AreaCorrelations.Compute(panel, [AreaNames.Poverty]), c => Assert.InRange(c.R!.Value, -0.75, -0.3));
        var x = panel.Features([AreaNames.Poverty, AreaNames.MedianIncome]);
        var povertyIncome = Correlation.Pearson([.. Enumerable.Range(0, panel.Rows).Select(i => x[i, 0])], [.. Enumerable.Range(0, panel.Rows).Select(i => x[i, 1])]);
        Assert.InRange(povertyIncome.R, -0.75, -0.45);
    }

    [Theory]
    [InlineData(42)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_demos_planted_over_and_under_performers_come_out_as_persistently_above_and_below(int seed)
    {
        var demo = NationalAreaDemo.Generate(seed);
        var panel = AreaPanel.FromObservations(demo.States);

        var verdicts = AreaNames.StudyScores
            .SelectMany(score => BeatingTheOdds.Assess(panel, score, AreaNames.StudyMeasures).Areas!)
            .Where(a => a.Verdict != Expectation.Within)
            .GroupBy(a => (a.Area, a.Verdict))
            .ToDictionary(g => g.Key, g => g.Count());

        // Each planted state is persistent on at least three of the four scores; no other state on more than one.
        Assert.All(demo.OverPerformers, s => Assert.True(verdicts.GetValueOrDefault((s, Expectation.Above)) >= 3, s));
        Assert.All(demo.UnderPerformers, s => Assert.True(verdicts.GetValueOrDefault((s, Expectation.Below)) >= 3, s));
        var planted = demo.OverPerformers.Concat(demo.UnderPerformers).ToHashSet();
        Assert.All(verdicts.Where(v => !planted.Contains(v.Key.Area)), v => Assert.True(v.Value <= 1, v.Key.Area));
    }

    [Fact]
    public void Some_demo_counties_lie_outside_the_states_range_and_their_predictions_say_so()
    {
        var demo = NationalAreaDemo.Generate();
        var model = AreaRegression.Fit(AreaPanel.FromObservations(demo.States), "Reading grade 4", AreaNames.StudyMeasures).Model!;

        var flagged = demo.Counties.Count(c => model.Predict(c.Measures).Extrapolated);

        Assert.InRange(flagged, demo.Counties.Count / 20, demo.Counties.Count * 3 / 4);
    }
}
