using GradeLens.Core.Reports.Figures;
using SkiaSharp;

namespace GradeLens.Core.Tests.Reports;

public sealed class FigurePngTests
{
    [Theory]
    [MemberData(nameof(SampleFigures.Kinds), MemberType = typeof(SampleFigures))]
    public void Every_kind_of_figure_is_a_valid_png_of_the_expected_size_with_a_drawing_title_and_method_note(string kind)
    {
        var png = FigurePng.Render(SampleFigures.Of(kind));

        PngCheck.AssertValid(png);
    }

    [Fact]
    public void A_figure_can_be_drawn_at_another_size()
    {
        PngCheck.AssertValid(FigurePng.Render(SampleFigures.Bars, 800, 500), 800, 500);
    }

    [Fact]
    public void The_figures_font_is_dejavu_sans_and_it_has_arabic_glyphs()
    {
        using var typeface = SKTypeface.FromFamilyName(FigurePng.FontFamily);

        Assert.Equal(FigurePng.FontFamily, typeface.FamilyName);
        Assert.True(typeface.ContainsGlyphs("البقاع فهم المقروء"), "DejaVu Sans should carry the Arabic letters the demo's labels use");
    }

    [Fact]
    public void A_figure_with_an_arabic_title_and_labels_is_still_a_valid_png_and_differs_from_its_latin_twin()
    {
        var arabic = SampleFigures.Heatmap with { Text = SampleFigures.Heatmap.Text with { Title = "متوسط الدرجات: الكتابة والتعبير الكتابي" } };
        var latin = SampleFigures.Heatmap with { Text = SampleFigures.Heatmap.Text with { Title = "Mean score: written expression, grade 1" } };

        var arabicPng = FigurePng.Render(arabic);

        PngCheck.AssertValid(arabicPng);
        Assert.NotEqual(arabicPng, FigurePng.Render(latin));
    }

    [Fact]
    public void Figures_of_different_data_differ_and_the_same_figure_draws_the_same_bytes()
    {
        var other = SampleFigures.Bars with { Bars = [.. SampleFigures.Bars.Bars.Select(b => b with { Value = b.Value - 20, Lower = b.Lower - 20, Upper = b.Upper - 20 })] };

        Assert.Equal(FigurePng.Render(SampleFigures.Bars), FigurePng.Render(SampleFigures.Bars));
        Assert.NotEqual(FigurePng.Render(SampleFigures.Bars), FigurePng.Render(other));
    }

    [Fact]
    public void A_heatmap_whose_every_cell_is_suppressed_still_draws_and_says_so()
    {
        var suppressed = SampleFigures.Heatmap with { Cells = [.. SampleFigures.Heatmap.Cells.Select(c => c with { Value = null })] };

        PngCheck.AssertValid(FigurePng.Render(suppressed));
    }
}
