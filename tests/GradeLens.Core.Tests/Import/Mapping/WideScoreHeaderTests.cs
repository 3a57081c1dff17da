using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Tests.Import.Mapping;

public sealed class WideScoreHeaderTests
{
    private static WideScoreHeader? Parse(string header) => WideScoreHeader.Parse(header, HeaderMatcher.Default);

    [Theory]
    [InlineData("math score")]
    [InlineData("Maths")]
    [InlineData("MATH_SCORE")]
    [InlineData("Mathématiques")]
    [InlineData("رياضيات")]
    [InlineData("درجة الرياضيات")]
    public void Arabic_french_and_english_math_headers_map_to_Mathematics(string header) =>
        Assert.Equal(new WideScoreHeader("Mathematics", null, false), Parse(header));

    [Theory]
    [InlineData("G1", "G1")]
    [InlineData("g3", "G3")]
    [InlineData("Mock 2", "Mock 2")]
    [InlineData("Final", "Final")]
    [InlineData("Final grade", "Final")]
    public void Series_headers_name_their_series(string header, string series) =>
        Assert.Equal(new WideScoreHeader(null, series, false), Parse(header));

    [Fact]
    public void A_subject_and_series_header_names_both() =>
        Assert.Equal(new WideScoreHeader("English", "Mock 1", false), Parse("English Mock 1"));

    [Fact]
    public void A_subject_baseline_header_is_a_baseline() =>
        Assert.Equal(new WideScoreHeader("Mathematics", null, true), Parse("Maths baseline"));

    [Theory]
    [InlineData("score")]
    [InlineData("famsize")]
    [InlineData("mathsclub")]
    public void Headers_naming_neither_subject_nor_series_are_not_wide(string header) =>
        Assert.Null(Parse(header));
}
