using SkiaSharp;

namespace GradeLens.Core.Tests.Reports;

/// <summary>What a report's PNG must be: an image SkiaSharp decodes, of the expected size, with a drawing and text on it.</summary>
public static class PngCheck
{
    /// <summary>Decodes the PNG and checks its size, that it is not blank (many colours, a fair share of non-white pixels) and that the title band has text.</summary>
    public static void AssertValid(byte[] png, int width = 1200, int height = 720)
    {
        ArgumentNullException.ThrowIfNull(png);
        Assert.True(png.Length > 8 && png[0] == 0x89 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G', "not a PNG signature");
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);

        var colours = new HashSet<uint>();
        var inked = 0;
        for (var y = 0; y < height; y += 2)
        {
            for (var x = 0; x < width; x += 2)
            {
                var pixel = bitmap.GetPixel(x, y);
                colours.Add((uint)pixel);
                if (pixel.Red < 235 || pixel.Green < 235 || pixel.Blue < 235)
                {
                    inked++;
                }
            }
        }

        Assert.True(colours.Count > 20, $"only {colours.Count} colours: a blank or flat image");
        Assert.True(inked > width * height / 4 / 100, $"only {inked} drawn pixels of {width * height / 4} sampled");
        Assert.True(Inked(bitmap, 0, 45) > 100, "no title: the font did not draw (ScottPlot writes text-less PNGs without its font)");
        Assert.True(Inked(bitmap, height - 40, height) > 100, "no method note under the chart");
    }

    private static int Inked(SKBitmap bitmap, int top, int bottom)
    {
        var inked = 0;
        for (var y = top; y < bottom; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                if (pixel.Red < 160 && pixel.Green < 160 && pixel.Blue < 160)
                {
                    inked++;
                }
            }
        }

        return inked;
    }
}
