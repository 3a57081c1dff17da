using System.Globalization;
using System.Text;
using GradeLens.Core.Models;

namespace GradeLens.Core.Areas;

/// <summary>
/// Writes a panel as CSV (area, parent, year, the measures, the scores; missing values empty), optionally with the
/// comparison's own splits (fold, inner_fold, random_test), so scripts/compare/areas_sklearn.py scores the same models
/// on exactly the same rows.
/// </summary>
public static class AreaCsvWriter
{
    public static void Write(AreaPanel panel, string path, GroupedFoldPlan? plan = null, IReadOnlyList<bool>? randomTest = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        Write(panel, writer, plan, randomTest);
    }

    public static void Write(AreaPanel panel, TextWriter writer, GroupedFoldPlan? plan = null, IReadOnlyList<bool>? randomTest = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(writer);
        var header = new List<string> { "area", "parent", "year" };
        header.AddRange(panel.MeasureNames);
        header.AddRange(panel.ScoreNames);
        if (plan is not null)
        {
            header.AddRange(["fold", "inner_fold"]);
        }

        if (randomTest is not null)
        {
            header.Add("random_test");
        }

        writer.Write(string.Join(',', header.Select(Quote)));
        writer.Write('\n');
        var line = new StringBuilder(256);
        for (var i = 0; i < panel.Rows; i++)
        {
            line.Clear();
            line.Append(Quote(panel.Areas[i])).Append(',').Append(Quote(panel.Parents[i] ?? "")).Append(',').Append(panel.Years[i]);
            for (var j = 0; j < panel.MeasureNames.Count; j++)
            {
                Number(line.Append(','), panel.Measure(i, j));
            }

            for (var k = 0; k < panel.ScoreNames.Count; k++)
            {
                Number(line.Append(','), panel.Score(i, k));
            }

            if (plan is not null)
            {
                line.Append(',').Append(plan.Fold[i]).Append(',').Append(plan.InnerFold[i]);
            }

            if (randomTest is not null)
            {
                line.Append(',').Append(randomTest[i] ? '1' : '0');
            }

            writer.Write(line.Append('\n'));
        }
    }

    private static void Number(StringBuilder line, double value)
    {
        if (!double.IsNaN(value))
        {
            line.Append(value.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
