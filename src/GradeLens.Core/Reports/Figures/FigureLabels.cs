using System.Globalization;
using System.Text;

namespace GradeLens.Core.Reports.Figures;

/// <summary>
/// Text as the figures draw it. ScottPlot shapes Arabic letters (with <c>LabelStyle.RTLSupport</c>, through HarfBuzz) but lays
/// the words of a label out left to right in the order they are stored, so "فهم المقروء" would read backwards and a
/// mixed label ("Reading: فهم المقروء") puts its Arabic words in the wrong order. <see cref="Visual"/> does the part of
/// the Unicode bidirectional algorithm that labels need: it reverses the order of the words of each run of right-to-left
/// words (a label that starts with one reads right to left as a whole). Letters inside a word are left to the shaper.
/// The data keep their text as given: only the PNG label is reordered; the CSV files and index.html carry the text itself.
/// </summary>
public static class FigureLabels
{
    public static string Visual(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsRightToLeft))
        {
            return text ?? "";
        }

        // Runs of words in one direction, in reading order; each right-to-left run is laid out last word first.
        var runs = new List<List<string>>();
        var previous = (bool?)null;
        foreach (var word in text.Split(' '))
        {
            var rightToLeft = word.Any(IsRightToLeft);
            if (rightToLeft != previous)
            {
                runs.Add([]);
                previous = rightToLeft;
            }

            runs[^1].Add(word);
        }

        foreach (var run in runs.Where(r => r.Any(w => w.Any(IsRightToLeft))))
        {
            run.Reverse();
        }

        // A label that starts right to left is a right-to-left line: its runs read from the right.
        var firstStrong = text.FirstOrDefault(c => IsRightToLeft(c) || char.IsLetter(c));
        if (IsRightToLeft(firstStrong))
        {
            runs.Reverse();
        }

        return string.Join(' ', runs.SelectMany(r => r));
    }

    /// <summary>A number as the figures print it: invariant culture, at most the given decimals.</summary>
    public static string Number(double value, int decimals = 1) =>
        value.ToString("0." + new string('#', Math.Max(decimals, 1)), CultureInfo.InvariantCulture);

    /// <summary>A label cut to <paramref name="length"/> characters with an ellipsis, so a long name does not crowd the axis.</summary>
    public static string Shorten(string text, int length = 28)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= length)
        {
            return text;
        }

        var cut = new StringBuilder(text[..(length - 1)]);
        return cut.Append('…').ToString();
    }

    /// <summary>Arabic, Hebrew, Syriac, Thaana and the Arabic presentation forms.</summary>
    private static bool IsRightToLeft(char c) =>
        c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';
}
