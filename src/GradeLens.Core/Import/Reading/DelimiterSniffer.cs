namespace GradeLens.Core.Import.Reading;

/// <summary>Chooses the delimiter (comma, semicolon, tab, pipe) that splits the first lines into the same number of fields.</summary>
internal static class DelimiterSniffer
{
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    public static char Sniff(IReadOnlyList<string> lines)
    {
        var best = ',';
        var bestScore = 0.0;
        foreach (var candidate in Candidates)
        {
            var counts = lines.Where(l => l.Length > 0).Take(30).Select(l => CsvLine.Split(l, candidate).Count).ToList();
            if (counts.Count == 0 || counts[0] < 2)
            {
                continue;
            }

            // Lines agreeing with the header's field count, weighted a little by how many fields that is.
            var agreeing = counts.Count(c => c == counts[0]) / (double)counts.Count;
            var score = agreeing * 100 + Math.Min(counts[0], 50) / 100.0;
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
