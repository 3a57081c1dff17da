using GradeLens.Core.Reports.Figures;

namespace GradeLens.Core.Tests.Reports;

public sealed class FigureLabelsTests
{
    [Theory]
    [InlineData("Mean score by region", "Mean score by region")]
    [InlineData("البقاع", "البقاع")]
    [InlineData("البقاع 2", "2 البقاع")]
    [InlineData("فهم المقروء", "المقروء فهم")]
    [InlineData("Reading: فهم المقروء (grade 1)", "Reading: المقروء فهم (grade 1)")]
    [InlineData("الكتابة والتعبير الكتابي in Beirut", "in Beirut الكتابي والتعبير الكتابة")]
    [InlineData("Beirut and جبل لبنان and البقاع الغربي", "Beirut and لبنان جبل and الغربي البقاع")]
    public void Right_to_left_words_are_laid_out_in_the_order_they_read_because_scottplot_draws_words_left_to_right(string text, string visual)
    {
        Assert.Equal(visual, FigureLabels.Visual(text));
    }

    [Fact]
    public void Long_labels_are_shortened_with_an_ellipsis_and_numbers_are_invariant()
    {
        Assert.Equal("abcdefghi…", FigureLabels.Shorten("abcdefghijklmnop", 10));
        Assert.Equal("short", FigureLabels.Shorten("short", 10));
        Assert.Equal("1234.5", FigureLabels.Number(1234.54));
        Assert.Equal("0.62", FigureLabels.Number(0.6249, 2));
    }
}
