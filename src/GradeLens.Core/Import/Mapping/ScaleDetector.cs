namespace GradeLens.Core.Import.Mapping;

/// <summary>Guesses the grade scale of a score column from its values (and header).</summary>
public static class ScaleDetector
{
    private static readonly string[] _gcseHints = ["gcse", "mock", "baseline", "yellis", "target", "fft", "meg", "expected"];

    /// <summary>
    /// Rules, in order: letter grades (A*-G) present -> letters; all numbers within 0..9 in whole or half
    /// grades with any half grade or a "U" -> GCSE 9-1; whole numbers 1..9 under a header hinting GCSE, mock,
    /// baseline or YELLIS -> GCSE 9-1; maximum ≤ 20 -> 0-20; maximum ≤ 100 (or no numbers) -> percent;
    /// else points with the observed maximum.
    /// </summary>
    public static GradeScale Detect(IEnumerable<string?> values, string? header = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var numbers = new List<double>();
        var hasLetter = false;
        var hasU = false;
        foreach (var raw in values)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var text = raw.Trim();
            if (GradeScale.TryParseNumber(text, out var number) && double.IsFinite(number))
            {
                numbers.Add(number);
            }
            else if (text.Equals("U", StringComparison.OrdinalIgnoreCase))
            {
                hasU = true;
            }
            else if (GradeScales.Letters.Labels.ContainsKey(text))
            {
                hasLetter = true;
            }
        }

        if (hasLetter)
        {
            return GradeScales.Letters;
        }

        if (numbers.Count == 0)
        {
            return hasU ? GradeScales.Gcse91 : GradeScales.Percent;
        }

        var minimum = numbers.Min();
        var maximum = numbers.Max();
        var wholeOrHalf = numbers.All(n => n * 2 == Math.Floor(n * 2));
        var anyHalf = numbers.Any(n => n != Math.Floor(n));
        if (minimum >= 0 && maximum <= 9 && wholeOrHalf && (anyHalf || hasU))
        {
            return GradeScales.Gcse91;
        }

        if (minimum >= 1 && maximum <= 9 && !anyHalf && HintsGcse(header))
        {
            return GradeScales.Gcse91;
        }

        return maximum switch
        {
            <= 20 => GradeScales.ZeroToTwenty,
            <= 100 => GradeScales.Percent,
            _ => GradeScales.Points(maximum),
        };
    }

    private static bool HintsGcse(string? header)
    {
        if (header is null)
        {
            return false;
        }

        var key = HeaderNormaliser.Normalise(header);
        return _gcseHints.Any(hint => key.Contains(hint, StringComparison.Ordinal));
    }
}
