using System.Globalization;
using System.Text.RegularExpressions;

namespace GradeLens.Core.Import.Mapping;

/// <summary>A header read word by word as a subject the synonyms may not know, and a series or a score word beside it.</summary>
/// <param name="Subject">The subject: canonical when the synonyms know it ("Maths" -> Mathematics), else the header's own words ("Computer Science").</param>
/// <param name="Series">The series at either end ("Mock 2", "Term 1"), or null when a score word stood there instead.</param>
internal sealed record HeaderWords(string Subject, string? Series);

/// <summary>Subject names taken from headers: "Note de philosophie" -> "Philosophie", "computer_science_mock_2" -> "Computer Science" / "Mock 2".</summary>
internal static partial class SubjectNames
{
    private static readonly HashSet<string> _scoreWords = [.. HeaderSynonyms.ScoreWords.Select(HeaderNormaliser.Normalise)];

    private static readonly HashSet<string> _joiningWords = ["de", "du", "des", "d", "en", "la", "le", "l", "of", "in", "for", "the", "a", "au", "aux"];

    /// <summary>The subject a header names once its score words and joining words are set aside.</summary>
    public static string FromHeader(string header)
    {
        var words = Words(header).Where(w => !_scoreWords.Contains(HeaderNormaliser.Normalise(w))).ToList();
        Trim(words);
        return words.Count == 0 ? header.Trim() : Name(words);
    }

    /// <summary>Reads "Further Maths Mock 1" or "Mock 1 Further Maths" or "Note de philosophie"; null when no series or score word is beside the words.</summary>
    public static HeaderWords? Parse(string header, HeaderMatcher matcher)
    {
        var words = Words(header);
        for (var take = Math.Min(3, words.Count - 1); take >= 1; take--)
        {
            foreach (var atEnd in new[] { true, false })
            {
                var edge = atEnd ? words[^take..] : words[..take];
                var rest = atEnd ? words[..^take] : words[take..];
                if (WideScoreHeader.SeriesOf(HeaderNormaliser.Normalise(string.Concat(edge))) is { } series && Subject(rest, matcher) is { } subject)
                {
                    return new HeaderWords(subject, series);
                }
            }
        }

        if (words.Count >= 2 && words.Any(w => _scoreWords.Contains(HeaderNormaliser.Normalise(w))))
        {
            var rest = words.Where(w => !_scoreWords.Contains(HeaderNormaliser.Normalise(w))).ToList();
            return Subject(rest, matcher) is { } subject ? new HeaderWords(subject, null) : null;
        }

        return null;
    }

    private static string? Subject(List<string> words, HeaderMatcher matcher)
    {
        words = [.. words];
        Trim(words);
        if (words.Count is 0 or > 4 || words.All(w => w.All(char.IsDigit)))
        {
            return null;
        }

        return matcher.MatchSubject(string.Concat(words)) ?? Name(words);
    }

    private static void Trim(List<string> words)
    {
        while (words.Count > 0 && _joiningWords.Contains(HeaderNormaliser.Normalise(words[0])))
        {
            words.RemoveAt(0);
        }

        while (words.Count > 0 && _joiningWords.Contains(HeaderNormaliser.Normalise(words[^1])))
        {
            words.RemoveAt(words.Count - 1);
        }
    }

    /// <summary>The words as written; the first capitalised when the header was all lower case ("sciences économiques" -> "Sciences économiques").</summary>
    private static string Name(IReadOnlyList<string> words)
    {
        var name = string.Join(" ", words);
        return name.Any(char.IsUpper) ? name : char.ToUpper(name[0], CultureInfo.InvariantCulture) + name[1..];
    }

    /// <summary>Letter runs and digit runs: "ComputerScience_Mock2" -> ["ComputerScience", "Mock", "2"].</summary>
    private static List<string> Words(string header) => [.. WordPattern().Matches(header).Select(m => m.Value)];

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}']*|\p{Nd}+")]
    private static partial Regex WordPattern();
}

/// <summary>Headers that name a count or a measure of a student (age, absences...), never a score, whatever the numbers look like.</summary>
internal static partial class AttributeWords
{
    private static readonly string[] _words =
    [
        "age", "absence", "absences", "absent", "failures", "studytime", "traveltime", "freetime", "goout", "health", "famrel",
        "dalc", "walc", "medu", "fedu", "siblings", "height", "weight", "income", "distance", "days", "hours", "lateness",
        "retards", "attendance", "presence", "assiduite", "annee", "year", "yearofbirth", "birthyear", "postcode", "zip", "phone", "العمر", "الغياب",
    ];

    private static readonly HashSet<string> _idOrDateWords = ["id", "code", "date", "day", "days", "time", "year", "no", "num", "number", "ref", "submitted", "banked"];

    public static bool Names(string key) => _words.Any(word => key == word || (word.Length >= 5 && key.Contains(word, StringComparison.Ordinal)));

    /// <summary>A header with an id, code or date word ("id_assessment", "date_submitted", "StudentID"): never a score by its numbers.</summary>
    public static bool NamesIdOrDate(string header)
    {
        var words = HeaderWordPattern().Matches(header).Select(m => m.Value.ToLowerInvariant()).ToList();
        return words.Any(_idOrDateWords.Contains);
    }

    [GeneratedRegex(@"\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{Nd}+")]
    private static partial Regex HeaderWordPattern();
}
