namespace GradeLens.Core.Import.Reading;

/// <summary>
/// Chooses the delimiter (comma, semicolon, tab, pipe) that splits the first lines into the same number of fields,
/// judged on the lines' most common field count rather than the first line's, so a title above the header does not decide.
/// </summary>
internal static class DelimiterSniffer
{
    private static readonly char[] _candidates = [',', ';', '\t', '|'];

    public static char Sniff(IReadOnlyList<string> lines)
    {
        var best = ',';
        var bestScore = 0.0;
        foreach (var candidate in _candidates)
        {
            var counts = lines.Where(l => l.Length > 0).Take(40).Select(l => CsvLine.Split(l, candidate).Count).ToList();
            var wide = counts.Where(c => c >= 2).ToList();
            if (wide.Count == 0)
            {
                continue;
            }

            // Lines agreeing with the most common field count, weighted a little by how many fields that is.
            var mode = wide.GroupBy(c => c).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
            var agreeing = counts.Count(c => c == mode) / (double)counts.Count;
            var score = agreeing * 100 + Math.Min(mode, 50) / 100.0;
            if (score > bestScore)
            {
                (best, bestScore) = (candidate, score);
            }
        }

        return best;
    }

    public static string Describe(char delimiter) => delimiter switch
    {
        ';' => "semicolon-separated",
        '\t' => "tab-separated",
        '|' => "pipe-separated",
        _ => "comma-separated",
    };
}
