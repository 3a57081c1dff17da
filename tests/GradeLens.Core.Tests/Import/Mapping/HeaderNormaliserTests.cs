using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Tests.Import.Mapping;

public sealed class HeaderNormaliserTests
{
    [Theory]
    [InlineData("Math score")]
    [InlineData("math_score")]
    [InlineData("MATH-SCORE")]
    [InlineData(" Math  Score ")]
    public void Case_spaces_underscores_and_punctuation_do_not_matter(string header) =>
        Assert.Equal("mathscore", HeaderNormaliser.Normalise(header));

    [Fact]
    public void Latin_diacritics_are_stripped() =>
        Assert.Equal("eleve", HeaderNormaliser.Normalise("Élève"));

    [Fact]
    public void Arabic_tashkeel_and_tatweel_are_stripped() =>
        Assert.Equal(HeaderNormaliser.Normalise("الرياضيات"), HeaderNormaliser.Normalise("الرِّيَاضِـــيَّات"));

    [Theory]
    [InlineData("أ", "ا")]
    [InlineData("إ", "ا")]
    [InlineData("آ", "ا")]
    [InlineData("ة", "ه")]
    [InlineData("ى", "ي")]
    public void Arabic_letter_variants_are_unified(string variant, string unified) =>
        Assert.Equal(unified, HeaderNormaliser.Normalise(variant));

    [Fact]
    public void Arabic_ta_marbuta_and_alef_hamza_spellings_meet() =>
        Assert.Equal(HeaderNormaliser.Normalise("الانجليزيه"), HeaderNormaliser.Normalise("الإنجليزية"));

    [Fact]
    public void Arabic_indic_digits_become_ascii_digits() =>
        Assert.Equal("g1", HeaderNormaliser.Normalise("G١"));
}
