using GradeLens.Core.Reports.Figures;

namespace GradeLens.Core.Tests.Reports;

/// <summary>One figure of each kind, with the labels a report gives them (an Arabic region and domain among them).</summary>
public static class SampleFigures
{
    public static FigureText Text(string kind) =>
        new($"{kind}: mean score by region", "Region", "Mean score (points of 100)", "Welch 95% intervals; groups under 10 students suppressed.");

    public static BarChart Bars { get; } = new(Text("Bars"),
    [
        new BarValue("Beirut", "Female", 54.2, 52.1, 56.3), new BarValue("Beirut", "Male", 49.8, 47.5, 52.0),
        new BarValue("البقاع", "Female", 51.0, 48.2, 53.9), new BarValue("البقاع", "Male", 47.3, 44.0, 50.5),
    ]);

    public static BarChart OddsRatios { get; } = new(Text("Odds ratios"),
        [new BarValue("Mock 1 score", "odds ratio", 0.62, 0.55, 0.70), new BarValue("free_school_meals = yes", "odds ratio", 1.8, 1.2, 2.7)], Base: 1, Horizontal: true);

    public static LineChart Lines { get; } = new(Text("Lines"),
    [
        new LineSeries("BSc Biology", [new LinePoint(0, 0.81, 0.76, 0.86), new LinePoint(1, 0.77, 0.71, 0.82), new LinePoint(2, 0.84, 0.79, 0.88)]),
        new LineSeries("فهم المقروء", [new LinePoint(0, 0.66, 0.58, 0.73), new LinePoint(1, 0.70, 0.63, 0.76), new LinePoint(2, 0.69, 0.62, 0.75)]),
        new LineSeries("threshold", [new LinePoint(0, 0.7), new LinePoint(2, 0.7)], Dashed: true),
    ], XCategories: ["2023/24", "2024/25", "2025/26"]);

    public static ScatterChart Scatter { get; } = new(Text("Scatter"),
        [.. Enumerable.Range(0, 40).Select(i => new ScatterPoint(2.5 + (i % 7) * 0.3, 50 + (i * 37 % 45), Marked: i % 9 == 0, Label: $"Module {i}"))],
        [new ThresholdLine(ThresholdAxis.X, 3.5, "survey 3.5"), new ThresholdLine(ThresholdAxis.Y, 70, "pass rate 70%")]);

    public static HistogramChart Histogram { get; } = new(Text("Histogram"),
        [.. Enumerable.Range(0, 12).Select(i => new HistogramBin(i * 5, (i + 1) * 5, 40 - (i - 4) * (i - 4)))], new PolicyLine(20, "policy: 20 working days"));

    public static BoxChart Boxes { get; } = new(Text("Boxes"),
    [
        new BoxGroup("Baseline", 180, 4, 5, 6, 2, 8, 5.1), new BoxGroup("Mock 1", 175, 3, 4.5, 6, 1, 8, 4.4),
        new BoxGroup("جبل لبنان", 170, 4, 5, 7, 1, 9, 5.3),
    ], YMinimum: 0, YMaximum: 9);

    public static HeatmapChart Heatmap { get; } = new(Text("Heatmap"), ["1", "2", "3"], ["Beirut", "البقاع", "Mount Lebanon"],
    [
        new HeatmapValue("1", "Beirut", 54.7), new HeatmapValue("2", "Beirut", 51.2), new HeatmapValue("3", "Beirut", null),
        new HeatmapValue("1", "البقاع", 48.0), new HeatmapValue("2", "البقاع", 47.1), new HeatmapValue("3", "البقاع", 45.9),
        new HeatmapValue("1", "Mount Lebanon", 57.3), new HeatmapValue("2", "Mount Lebanon", 55.0), new HeatmapValue("3", "Mount Lebanon", 52.4),
    ], "Mean score (points of 100)");

    public static TheoryData<string> Kinds { get; } = ["bars", "odds ratios", "lines", "scatter", "histogram", "boxes", "heatmap"];

    public static Figure Of(string kind) => kind switch
    {
        "bars" => Bars,
        "odds ratios" => OddsRatios,
        "lines" => Lines,
        "scatter" => Scatter,
        "histogram" => Histogram,
        "boxes" => Boxes,
        _ => Heatmap,
    };
}
