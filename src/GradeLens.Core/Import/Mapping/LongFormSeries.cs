using System.Text.RegularExpressions;

namespace GradeLens.Core.Import.Mapping;

/// <summary>The series named in a long file's series column, and which of them hold expected grades.</summary>
/// <param name="Names">Distinct series names in the sample, in order of first appearance.</param>
/// <param name="BaselineNames">Those that are baselines (BASELINE, Yellis, Target, FFT...).</param>
internal sealed partial record LongFormSeries(IReadOnlyList<string> Names, IReadOnlyList<string> BaselineNames)
{
    private static readonly HashSet<string> _baselineWords = [.. HeaderSynonyms.BaselineSeriesNames.Select(HeaderNormaliser.Normalise)];

    public static LongFormSeries None { get; } = new([], []);

    public static LongFormSeries Of(IReadOnlyList<string> names) =>
        new(names, [.. names.Where(name => _baselineWords.Contains(HeaderNormaliser.Normalise(name)))]);

    /// <summary>
    /// The check a difference column states in its header: "Yellis_GCSE_Diff" with series GCSE and baseline
    /// BASELINE -> "GCSE - BASELINE". Null unless the header names exactly one result series and the file has one baseline series.
    /// </summary>
    public string? DifferenceRule(string header)
    {
        if (BaselineNames.Count != 1)
        {
            return null;
        }

        var words = WordPattern().Matches(header).Select(word => HeaderNormaliser.Normalise(word.Value)).ToHashSet();
        var results = Names
            .Where(name => !BaselineNames.Contains(name) && words.Contains(HeaderNormaliser.Normalise(name)))
            .ToList();
        var mentionsBaseline = words.Overlaps(_baselineWords) || words.Contains(HeaderNormaliser.Normalise(BaselineNames[0]));
        return results.Count == 1 && mentionsBaseline ? $"{results[0]} - {BaselineNames[0]}" : null;
    }

    [GeneratedRegex(@"[\p{L}\p{Nd}]+")]
    private static partial Regex WordPattern();
}
