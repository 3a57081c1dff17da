using GradeLens.Core.Models;
using GradeLens.Core.Risk;

namespace GradeLens.Core.Tests.Models;

public sealed class FeatureBuilderTests
{
    [Fact]
    public void A_missing_category_is_its_own_level_and_never_the_reference()
    {
        // "(missing)" sorts before every letter: it must still not become the reference level.
        string?[] band = [null, "A", "B", "A", null, "B", "C", "A"];

        var built = FeatureBuilder.Build([RawColumn.Categorical("band", band)], band.Length);

        Assert.Equal(["band_B", "band_C", "band_(missing)"], built.X.Names);
        Assert.Equal([1.0, 0, 0, 0, 1, 0, 0, 0], Enumerable.Range(0, band.Length).Select(i => built.X[i, 2]));
        Assert.Equal(new MissingValues("band", 2, band.Length), built.Missing.Single());
    }

    [Fact]
    public void A_missing_number_gets_the_mean_and_an_indicator_column_and_a_numeric_attribute_stays_a_number()
    {
        double[] mock = [40, double.NaN, 60, 80, double.NaN];
        string?[] credits = ["60", "120", null, "60", "90"];

        var built = FeatureBuilder.Build([RawColumn.Numeric("Mock 2 Maths", mock), RawColumn.FromText("studied_credits", credits)], 5);

        Assert.Equal(["Mock 2 Maths", "Mock 2 Maths (missing)", "studied_credits", "studied_credits (missing)"], built.X.Names);
        Assert.Equal([40.0, 60, 60, 80, 60], Enumerable.Range(0, 5).Select(i => built.X[i, 0]));
        Assert.Equal([0.0, 1, 0, 0, 1], Enumerable.Range(0, 5).Select(i => built.X[i, 1]));
        Assert.Equal(82.5, built.X[2, 2], 1e-12);
        Assert.Equal(2, built.Groups.Count);
        Assert.Equal([0, 1], built.Groups[0].Columns);
    }

    [Fact]
    public void Columns_that_never_vary_or_repeat_another_coding_are_left_out_with_a_note()
    {
        // Gender coded twice (M/F and male/female), a country everyone shares, and a score that varies.
        var random = new Random(4);
        var rows = 200;
        var gender = Enumerable.Range(0, rows).Select(_ => random.Next(2) == 0 ? "F" : "M").ToArray();
        var sex = gender.Select(g => g == "F" ? "female" : "male").ToArray();
        var score = Enumerable.Range(0, rows).Select(_ => random.NextDouble() * 100).ToArray();

        var built = FeatureBuilder.Build(
            [RawColumn.Categorical("gender", gender), RawColumn.Categorical("sex", sex), RawColumn.Categorical("country", [.. Enumerable.Repeat("UK", rows)]), RawColumn.Numeric("score", score)], rows);

        Assert.Equal(["gender_M", "score"], built.X.Names);
        Assert.Contains(built.Notes, n => n.Contains("'sex_male' carries the same information as 'gender_M'", StringComparison.Ordinal));
        Assert.Contains(built.Notes, n => n.Contains("'country' is 'UK' for every student", StringComparison.Ordinal));
        Assert.InRange(built.ConditionNumber!.Value, 1, 2);
        Assert.False(built.IllConditioned);
    }

    [Fact]
    public void A_category_with_more_levels_than_the_maximum_is_left_out_and_no_feature_at_all_is_refused()
    {
        var ids = Enumerable.Range(0, 50).Select(i => $"school {i}").ToArray();

        var refused = Assert.Throws<RiskDataException>(() => FeatureBuilder.Build([RawColumn.Categorical("school", ids)], ids.Length));

        Assert.Contains("'school' has 50 values (more than 30): left out.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indicator_columns_raise_the_auc_where_non_submission_carries_the_signal_and_not_where_it_is_random()
    {
        var (informative, random) = (Auc(signal: true), Auc(signal: false));

        // Where weak students skip the assessment, knowing who skipped it adds what the imputed mean hides.
        Assert.True(informative.WithIndicator > informative.Without + 0.03, $"{informative.WithIndicator} vs {informative.Without}");
        // Where skipping is random, the indicator adds nothing beyond noise.
        Assert.InRange(random.WithIndicator - random.Without, -0.02, 0.02);
    }

    private static (double WithIndicator, double Without) Auc(bool signal)
    {
        var random = new Random(17);
        const int rows = 2000;
        var scores = new double[rows];
        var y = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            var ability = random.NextDouble();
            y[i] = ability + ((random.NextDouble() - 0.5) * 0.6) < 0.4;
            var skips = signal ? ability < 0.3 && random.NextDouble() < 0.7 : random.NextDouble() < 0.2;
            scores[i] = skips ? double.NaN : (100 * ability) + ((random.NextDouble() - 0.5) * 80);
        }

        var built = FeatureBuilder.Build([RawColumn.Numeric("Mock", scores)], rows);
        Assert.Equal(["Mock", "Mock (missing)"], built.X.Names);
        var with = RiskTrainer.CrossValidate(built.X, y, 5, 3, 1.0).Auc.Auc;
        var without = RiskTrainer.CrossValidate(built.X.Select([0]), y, 5, 3, 1.0).Auc.Auc;
        return (with, without);
    }
}
