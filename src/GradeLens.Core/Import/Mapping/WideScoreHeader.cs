using System.Text.RegularExpressions;

namespace GradeLens.Core.Import.Mapping;

/// <summary>
/// A wide score header read as subject and/or series: "math score" (Mathematics), "Mathématiques",
/// "رياضيات", "G1" (series G1), "Mock 2", "Final", "Maths Mock 1", "Baseline" (an expected grade).
/// </summary>
/// <param name="Subject">Canonical subject, or null when the header names only a series.</param>
/// <param name="Series">Series ("G1", "Mock 2", "Final"), or null when the header names only a subject.</param>
/// <param name="IsBaseline">True when the header names an expected grade (baseline, target, YELLIS...).</param>
public sealed partial record WideScoreHeader(string? Subject, string? Series, bool IsBaseline)
{
    private static readonly string[] _scoreWords = [.. HeaderSynonyms.ScoreWords.Select(HeaderNormaliser.Normalise).OrderByDescending(word => word.Length)];
    private static readonly HashSet<string> _baselineWords = [.. HeaderSynonyms.BaselineSeriesNames.Select(HeaderNormaliser.Normalise)];

    /// <summary>Reads <paramref name="header"/> as a wide score column; null when it names neither a subject nor a series.</summary>
    public static WideScoreHeader? Parse(string header, HeaderMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        var key = HeaderNormaliser.Normalise(header);
        if (key.Length == 0)
        {
            return null;
        }

        // Every subject spelling at either end is a candidate: "mathscore" starts with "maths" too, but only "math" leaves a score word.
        foreach (var spelling in matcher.SubjectSpellings)
        {
            var parsed = key.StartsWith(spelling, StringComparison.Ordinal) ? ParseRest(matcher.SubjectOfKey(spelling), key[spelling.Length..]) : null;
            parsed ??= key.EndsWith(spelling, StringComparison.Ordinal) ? ParseRest(matcher.SubjectOfKey(spelling), key[..^spelling.Length]) : null;
            if (parsed is not null)
            {
                return parsed;
            }
        }

        return ParseRest(null, key);
    }

    /// <summary>What is left beside the subject: nothing or a score word, a baseline word, or a series ("g1", "mock2", "final").</summary>
    private static WideScoreHeader? ParseRest(string? subject, string rest)
    {
        rest = WithoutScoreWord(rest);
        if (rest.Length == 0)
        {
            return subject is null ? null : new WideScoreHeader(subject, null, false);
        }

        if (_baselineWords.Contains(rest))
        {
            return new WideScoreHeader(subject, null, true);
        }

        var series = SeriesOf(rest);
        return series is null ? null : new WideScoreHeader(subject, series, false);
    }

    private static string WithoutScoreWord(string key)
    {
        foreach (var word in _scoreWords)
        {
            if (key.StartsWith(word, StringComparison.Ordinal))
            {
                return key[word.Length..];
            }

            if (key.EndsWith(word, StringComparison.Ordinal))
            {
                return key[..^word.Length];
            }
        }

        return key;
    }

    /// <summary>The series a normalised key names ("mock2" -> "Mock 2", "g1" -> "G1", "final"), else null.</summary>
    internal static string? SeriesOf(string key)
    {
        var match = SeriesPattern().Match(key);
        if (!match.Success)
        {
            return null;
        }

        var number = match.Groups["number"].Value;
        return match.Groups["name"].Value switch
        {
            "g" => "G" + number,
            "mock" => number.Length == 0 ? "Mock" : "Mock " + number,
            "term" or "trimestre" or "trimester" => "Term " + number,
            "semester" or "semestre" => "Semester " + number,
            "quiz" => "Quiz " + number,
            "test" => "Test " + number,
            "exam" => "Exam " + number,
            "paper" => "Paper " + number,
            "final" or "finalexam" => "Final",
            "gcse" => "GCSE",
            _ => null,
        };
    }

    [GeneratedRegex("^(?<name>g|mock|term|trimestre|trimester|semester|semestre|quiz|test|exam|paper)(?<number>[0-9]{1,2})$|^(?<name>mock|final|finalexam|gcse)$")]
    private static partial Regex SeriesPattern();
}
