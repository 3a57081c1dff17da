using ScottPlot;

namespace GradeLens.Core.Reports.Figures;

/// <summary>One cell of a heatmap; a null value is a suppressed cell, drawn grey and labelled as such.</summary>
public sealed record HeatmapValue(string Column, string Row, double? Value);

/// <summary>
/// Values on a grid of rows by columns (region by grade), each cell printed with its value, suppressed cells grey with
/// "suppressed"; a colour bar beside them. <paramref name="ValueLabel"/> names the value and its unit (the title should carry it).
/// </summary>
public sealed record HeatmapChart(FigureText Text, IReadOnlyList<string> Columns, IReadOnlyList<string> Rows, IReadOnlyList<HeatmapValue> Cells, string ValueLabel) : Figure(Text)
{
    /// <summary>Cells printed with their value at most; a larger grid shows colours only.</summary>
    public const int PrintedCells = 160;

    internal override void Draw(Plot plot)
    {
        var values = new double[Rows.Count, Columns.Count];
        for (var r = 0; r < Rows.Count; r++)
        {
            for (var c = 0; c < Columns.Count; c++)
            {
                values[r, c] = double.NaN;
            }
        }

        foreach (var cell in Cells)
        {
            values[RowOf(cell), ColumnOf(cell)] = cell.Value ?? double.NaN;
        }

        var shown = Cells.Where(c => c.Value is not null).Select(c => c.Value!.Value).ToList();
        if (shown.Count == 0)
        {
            // ScottPlot cannot scale colours without a value: a grid with every cell suppressed says so in words.
            plot.Add.Annotation($"Every cell is suppressed ({Cells.Count} cells under the minimum size).", Alignment.MiddleCenter).LabelFontSize = 18;
            return;
        }

        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.NaNCellColor = FigureColours.Suppressed;
        var (low, high) = shown.Count > 0 ? (shown.Min(), shown.Max()) : (0.0, 1.0);
        if (Rows.Count * Columns.Count <= PrintedCells)
        {
            foreach (var cell in Cells)
            {
                // Row 0 is drawn at the top: ScottPlot's heatmap puts cell centres on whole numbers, the first row highest.
                var text = plot.Add.Text(cell.Value is { } v ? FigureLabels.Number(v) : "suppressed", ColumnOf(cell), Rows.Count - 1 - RowOf(cell));
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = cell.Value is null ? 11 : 14;
                var light = cell.Value is { } value && high > low && (value - low) / (high - low) > 0.6;
                text.LabelFontColor = cell.Value is null || light ? Colors.Black : Colors.White;
            }
        }

        // The colour bar's own label would sit on its ticks: the title names the value and its unit (ValueLabel), the cells say "suppressed".
        plot.Add.ColorBar(heatmap);
        FigureAxes.Categories(plot, Columns);
        plot.Axes.Left.SetTicks(
            [.. Enumerable.Range(0, Rows.Count).Select(r => (double)(Rows.Count - 1 - r))],
            [.. Rows.Select(r => FigureLabels.Visual(FigureLabels.Shorten(r)))]);
    }

    private int RowOf(HeatmapValue cell) => IndexOf(Rows, cell.Row);

    private int ColumnOf(HeatmapValue cell) => IndexOf(Columns, cell.Column);

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], label, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{label}' is not one of the heatmap's rows or columns.", nameof(label));
    }
}
