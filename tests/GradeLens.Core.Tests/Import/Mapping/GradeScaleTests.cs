using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Tests.Import.Mapping;

public sealed class GradeScaleTests
{
    [Theory]
    [InlineData("4.5", 4.5)]
    [InlineData("4,5", 4.5)]
    [InlineData(" 9 ", 9)]
    [InlineData("U", 0)]
    [InlineData("u", 0)]
    public void Gcse_scale_reads_half_grades_decimal_commas_and_U(string raw, double expected)
    {
        Assert.True(GradeScales.Gcse91.TryParse(raw, out var score));
        Assert.Equal(expected, score);
    }

    [Theory]
    [InlineData("4.3")]
    [InlineData("10")]
    [InlineData("-1")]
    [InlineData("A*")]
    [InlineData("")]
    public void Gcse_scale_refuses_values_off_the_scale(string raw) =>
        Assert.False(GradeScales.Gcse91.TryParse(raw, out _));

    [Theory]
    [InlineData("A*", 8)]
    [InlineData("a*", 8)]
    [InlineData("A star", 8)]
    [InlineData("A", 7)]
    [InlineData("c", 5)]
    [InlineData("G", 1)]
    [InlineData("U", 0)]
    public void Letter_grades_read_as_numbers_from_U_0_to_A_star_8(string raw, double expected)
    {
        Assert.True(GradeScales.Letters.TryParse(raw, out var score));
        Assert.Equal(expected, score);
    }

    [Fact]
    public void Percent_accepts_decimals_within_0_to_100()
    {
        Assert.True(GradeScales.Percent.TryParse("72.25", out var score));
        Assert.Equal(72.25, score);
        Assert.False(GradeScales.Percent.TryParse("100.5", out _));
    }

    [Theory]
    [InlineData(GradeScales.Gcse91Id, 4)]
    [InlineData(GradeScales.LettersId, 5)]
    [InlineData(GradeScales.PercentId, 50)]
    [InlineData(GradeScales.ZeroToTwentyId, 10)]
    public void Each_scale_has_its_default_proficiency(string id, double proficiency) =>
        Assert.Equal(proficiency, GradeScales.ById(id).DefaultProficiency);

    [Fact]
    public void Points_scale_takes_its_declared_maximum_and_half_of_it_as_proficiency()
    {
        var scale = GradeScales.ById("points", maximum: 60);
        Assert.Equal("points", scale.Id);
        Assert.Equal(60, scale.Maximum);
        Assert.Equal(30, scale.DefaultProficiency);
        Assert.False(scale.TryParse("61", out _));
    }

    [Fact]
    public void Scale_ids_are_case_insensitive() =>
        Assert.Same(GradeScales.Gcse91, GradeScales.ById("GCSE-9-1"));

    [Fact]
    public void An_unknown_scale_id_lists_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => GradeScales.ById("ib-7"));
        Assert.Contains("\"ib-7\"", error.Message);
        Assert.Contains("gcse-9-1, letters-a*-g, percent, 0-20, points", error.Message);
    }
}
