using System.Globalization;
using System.Text.RegularExpressions;

namespace GradeLens.Core.Explore;

/// <summary>
/// A level read as a number or a numeric range: "3", "Band 2", "Year 7", "9th grade", "16-18", "19 to 24", "25+",
/// "under 16", "1 (most deprived)". Levels sort by their lower bound, then their upper; all the levels of an attribute
/// must share the words around the number (its template), so "Band 1" and "Year 2" never order together.
/// </summary>
/// <param name="Template">The words before and after the number, "band #" or "# years".</param>
internal sealed partial record NumericLevel(string Template, double Lower, double Upper)
{
    private const string Number = @"\d+(?:\.\d+)?";

    /// <summary>The level read from its normalised text; null when it is not a number or range with known words around it.</summary>
    public static NumericLevel? Parse(string normalised)
    {
        var text = Parenthesis().Replace(normalised, " ");
        foreach (var descriptor in LevelVocabularies.NumberDescriptors)
        {
            text = Regex.Replace(text, $@"\b{Regex.Escape(descriptor)}\b", " ", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        text = Edges().Replace(Spaces().Replace(text, " "), "");
        if (LevelVocabularies.EarlyYears.TryGetValue(text, out var early))
        {
            return new NumericLevel("year #", early, early);
        }

        var match = Shape().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var prefix = match.Groups["prefix"].Value.Trim();
        var suffix = match.Groups["suffix"].Value.Trim();
        if (!LevelVocabularies.NumberPrefixes.Contains(prefix) || !LevelVocabularies.NumberSuffixes.Contains(suffix))
        {
            return null;
        }

        var template = $"{Synonym(prefix)} # {suffix}".Trim();
        var lower = match.Groups["lo"].Success ? Read(match.Groups["lo"].Value) : double.NegativeInfinity;
        var upper = match.Groups["hi"].Success ? Read(match.Groups["hi"].Value)
            : match.Groups["open"].Success ? double.PositiveInfinity : lower;
        return lower <= upper ? new NumericLevel(template, lower, upper) : null;
    }

    /// <summary>"yr 7", "y7" and "year 7" are one template.</summary>
    private static string Synonym(string prefix) => prefix switch
    {
        "y" or "yr" => "year",
        "gr" => "grade",
        "lvl" => "level",
        "ks" => "key stage",
        "std" => "standard",
        "aged" or "ages" => "age",
        "d" => "decile",
        "q" => "quintile",
        _ => prefix,
    };

    private static double Read(string number) => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>prefix, then one of: under N | N+ / N and over | over N | N-M / N to M | N (1st, 2nd...), then suffix.</summary>
    [GeneratedRegex(
        @"^(?<prefix>[a-z][a-z ]*?)??\s*(?:" +
        @"(?:under|below|less than|fewer than|up to|moins de|<=?)\s*(?<hi>" + Number + @")" +
        @"|(?<lo>" + Number + @")\s*(?<open>\+|plus|and over|and above|or over|or more|and older|or older|et plus)" +
        @"|(?:over|above|more than|plus de|>=?)\s*(?<lo>" + Number + @")(?<open>)" +
        @"|(?<lo>" + Number + @")\s*(?:-|to|a)\s*(?<hi>" + Number + @")" +
        @"|(?<lo>" + Number + @")(?:st|nd|rd|th)?" +
        @")\s*(?<suffix>[a-z%][a-z% ]*)?$",
        RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Shape();

    [GeneratedRegex(@"\([^)]*\)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Parenthesis();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Spaces();

    /// <summary>Punctuation left at either end once the descriptors are gone ("1 -", ": 10").</summary>
    [GeneratedRegex(@"^[\s\-:,;/]+|[\s\-:,;/]+$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Edges();
}
