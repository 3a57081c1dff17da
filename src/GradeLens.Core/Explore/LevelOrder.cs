using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GradeLens.Core.Explore;

/// <summary>An attribute's levels in their natural order, or alphabetically when they have none.</summary>
/// <param name="Ordered">True when the levels have a natural order (then a trend test across them makes sense).</param>
/// <param name="Scale">What the order comes from: "education", "numeric", "level", "french school year"...; null when unordered.</param>
/// <param name="Levels">Every known level: in order when <paramref name="Ordered"/>, else alphabetically.</param>
/// <param name="Missing">Levels that say "not known" ("(unknown)", "n/a"...), placed after the rest and never on the scale.</param>
public sealed record LevelOrdering(bool Ordered, string? Scale, IReadOnlyList<string> Levels, IReadOnlyList<string> Missing)
{
    /// <summary>The levels then the missing ones: the order to show them in.</summary>
    public IReadOnlyList<string> All => [.. Levels, .. Missing];
}

/// <summary>
/// Recognises attributes whose values have a natural order: parental education (US, UK and French levels), year
/// groups (Reception, Year 1..13; CP..Terminale), deprivation deciles and bands ("1".."10", "Band 2", "1 (most
/// deprived)"), age bands ("16-18", "19-24", "25+"), low/medium/high and other agreed scales, and any levels that all
/// read as numbers or numeric ranges with the same words around them. Anything else is unordered.
/// </summary>
public static partial class LevelOrder
{
    public static LevelOrdering Of(IEnumerable<string> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var distinct = levels.Distinct(StringComparer.Ordinal).ToList();
        var missing = distinct.Where(l => LevelVocabularies.Missing.Contains(Normalise(l))).Order(Alphabetical.Instance).ToList();
        var known = distinct.Except(missing, StringComparer.Ordinal).ToList();
        if (known.Count >= 2)
        {
            var normalised = known.ToDictionary(l => l, Normalise, StringComparer.Ordinal);
            foreach (var scale in LevelVocabularies.Scales)
            {
                if (known.All(l => scale.Places.ContainsKey(normalised[l])) && Distinct(known.Select(l => scale.Places[normalised[l]])))
                {
                    return new LevelOrdering(true, scale.Name, known.OrderBy(l => scale.Places[normalised[l]]).ToList(), missing);
                }
            }

            var numbers = known.ToDictionary(l => l, l => NumericLevel.Parse(normalised[l]), StringComparer.Ordinal);
            if (numbers.Values.All(n => n is not null)
                && numbers.Values.Select(n => n!.Template).Distinct(StringComparer.Ordinal).Count() == 1
                && Distinct(numbers.Values.Select(n => (n!.Lower, n.Upper))))
            {
                return new LevelOrdering(true, "numeric",
                    known.OrderBy(l => numbers[l]!.Lower).ThenBy(l => numbers[l]!.Upper).ToList(), missing);
            }
        }

        return new LevelOrdering(false, null, known.Order(Alphabetical.Instance).ToList(), missing);
    }

    /// <summary>Lower case, no accents, straight apostrophes and hyphens, one space, "bac + 2" as "bac+2".</summary>
    public static string Normalise(string level)
    {
        ArgumentNullException.ThrowIfNull(level);
        var decomposed = level.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var text = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            text.Append(c switch
            {
                '\u2019' or '\u2018' or '`' or '\u00b4' => '\'',
                '\u2013' or '\u2014' or '\u2212' => '-',
                _ => c,
            });
        }

        return Plus().Replace(Spaces().Replace(text.ToString().Normalize(NormalizationForm.FormC), " "), "+").Trim();
    }

    private static bool Distinct<T>(IEnumerable<T> places)
    {
        var list = places.ToList();
        return list.Distinct().Count() == list.Count;
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s*\+\s*", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Plus();

    /// <summary>Case-insensitive, then ordinal, so the order never depends on the machine's culture.</summary>
    private sealed class Alphabetical : IComparer<string>
    {
        public static Alphabetical Instance { get; } = new();

        public int Compare(string? x, string? y) =>
            StringComparer.OrdinalIgnoreCase.Compare(x, y) is var c && c != 0 ? c : StringComparer.Ordinal.Compare(x, y);
    }
}
