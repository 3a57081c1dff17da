using ScottPlot;

namespace GradeLens.Core.Reports.Figures;

/// <summary>The words every figure carries: a title, axis labels with their units, and one line saying how it was computed.</summary>
/// <param name="XLabel">With its unit: "Mean score (points of 100)", "Region".</param>
/// <param name="Method">One line under the chart: "Welch 95% intervals; groups under 10 students suppressed".</param>
public sealed record FigureText(string Title, string XLabel, string YLabel, string Method);

/// <summary>
/// A chart-ready figure: its words and its data, nothing else. The records are what a report's tests compare with the
/// feature's answer; <see cref="FigurePng.Render"/> draws them. Each kind adds its data to the plot in <see cref="Draw"/>;
/// fonts, sizes, the frame and the method note are <see cref="FigurePng"/>'s, so every figure reads the same.
/// </summary>
public abstract record Figure(FigureText Text)
{
    /// <summary>Adds the data, ticks and reference lines to the plot.</summary>
    internal abstract void Draw(Plot plot);
}

/// <summary>The figures' colours: Okabe and Ito's palette, distinguishable with the common colour-vision deficiencies.</summary>
internal static class FigureColours
{
    private static readonly Color[] Series =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#56B4E9"), Color.FromHex("#D55E00"), Color.FromHex("#F0E442"), Color.FromHex("#000000"),
    ];

    public static Color Marked { get; } = Color.FromHex("#D55E00");

    public static Color Reference { get; } = Color.FromHex("#444444");

    public static Color Suppressed { get; } = Color.FromHex("#D9D9D9");

    public static Color Of(int series) => Series[series % Series.Length];
}
