using ScottPlot;
using SkiaSharp;

namespace GradeLens.Core.Reports.Figures;

/// <summary>
/// Draws a <see cref="Figure"/> as a PNG, in-process (ScottPlot over SkiaSharp; no browser, no server). Every figure gets
/// the same frame: DejaVu Sans set explicitly (ScottPlot's default font has no Arabic glyphs, and with no font at all it
/// writes PNGs without text and without an error: see <see cref="MissingFontException"/>), a title, axis labels, tick
/// labels sized to read at 100% on a 1200-pixel-wide image, and the method note on its own line under the chart.
/// </summary>
public static class FigurePng
{
    public const int Width = 1200;
    public const int Height = 720;
    public const string FontFamily = "DejaVu Sans";

    private const int NoteHeight = 44;
    private const float NoteSize = 15;

    private static readonly Lazy<SKTypeface> Typeface = new(LoadTypeface);

    /// <summary>The PNG's bytes. Throws <see cref="MissingFontException"/> when DejaVu Sans is not installed.</summary>
    public static byte[] Render(Figure figure, int width = Width, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 300);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 200);
        var typeface = Typeface.Value;
        using var plot = new Plot();
        plot.Font.Set(FontFamily);
        plot.Title(FigureLabels.Visual(figure.Text.Title), 22);
        plot.XLabel(FigureLabels.Visual(figure.Text.XLabel), 17);
        plot.YLabel(FigureLabels.Visual(figure.Text.YLabel), 17);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Legend.FontSize = 14;
        figure.Draw(plot);

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
        surface.Canvas.Clear(SKColors.White);
        plot.Render(surface.Canvas, new PixelRect(0, width, height - NoteHeight, 0));
        DrawNote(surface.Canvas, typeface, figure.Text.Method, width, height);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>The method note: one line, left-aligned, shrunk to fit the width rather than cut.</summary>
    private static void DrawNote(SKCanvas canvas, SKTypeface typeface, string note, int width, int height)
    {
        var text = FigureLabels.Visual(note);
        using var font = new SKFont(typeface, NoteSize);
        var room = width - 32f;
        var measured = font.MeasureText(text);
        if (measured > room)
        {
            font.Size = Math.Max(9, NoteSize * room / measured);
        }

        using var paint = new SKPaint { Color = new SKColor(70, 70, 70), IsAntialias = true };
        canvas.DrawText(text, 16, height - 16, SKTextAlign.Left, font, paint);
    }

    private static SKTypeface LoadTypeface()
    {
        // Shape Arabic (and other right-to-left) letters through HarfBuzz: a process-wide ScottPlot setting, set once here.
        LabelStyle.RTLSupport = true;
        var typeface = SKTypeface.FromFamilyName(FontFamily);
        if (typeface is null || !string.Equals(typeface.FamilyName, FontFamily, StringComparison.OrdinalIgnoreCase))
        {
            throw new MissingFontException(
                $"The report's figures need the font {FontFamily}, which is not installed: apt-get install fonts-dejavu-core (scripts/prerequisites does).");
        }

        return typeface;
    }
}

/// <summary>The figures' font is not installed: without it ScottPlot would write PNGs with no text and no error.</summary>
public sealed class MissingFontException : Exception
{
    public MissingFontException()
    {
    }

    public MissingFontException(string message)
        : base(message)
    {
    }

    public MissingFontException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
