using System.Globalization;
using System.Text;

namespace GradeLens.Core.Import.Mapping;

/// <summary>
/// Category values that mean the same, merged to one spelling: a gender's M / male / Homme / ذكر as "M" (F likewise), yes /
/// Y / oui / true as "yes" (no likewise), and values that differ only by case or spacing ("Free", "free ", "FREE") as
/// their most common spelling. Inferred merges are written into the mapping's <see cref="ColumnMapping.Values"/> (so
/// they show in the health report and can be edited); a mapping's own are used as they are.
/// </summary>
public static class ValueSynonyms
{
    private static readonly (string Canonical, string[] Spellings)[] _gender =
    [
        ("F", ["f", "female", "girl", "woman", "w", "femme", "fille", "feminin", "féminin", "féminine", "أنثى", "انثى", "بنت"]),
        ("M", ["m", "male", "boy", "man", "homme", "garcon", "garçon", "masculin", "ذكر", "ولد"]),
    ];

    private static readonly (string Canonical, string[] Spellings)[] _yesNo =
    [
        ("yes", ["yes", "y", "oui", "true", "vrai", "نعم"]),
        ("no", ["no", "n", "non", "false", "faux", "لا"]),
    ];

    /// <summary>The merges for one column's distinct values (with their counts): raw value -> the spelling it takes. Values that stay are left out.</summary>
    public static IReadOnlyDictionary<string, string> Merge(ColumnRole role, IReadOnlyList<(string Value, long Count)> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var merges = new Dictionary<string, string>(StringComparer.Ordinal);
        var classes = role == ColumnRole.Gender ? _gender : _yesNo;
        var known = values.Select(v => (v.Value, v.Count, Class: ClassOf(classes, v.Value))).ToList();

        // Gender words always take their class's spelling; yes/no words only in a column that is all yes/no words.
        var useClasses = role == ColumnRole.Gender || (known.All(v => v.Class is not null) && known.Count > 1);
        foreach (var group in known.GroupBy(v => useClasses && v.Class is not null ? "\u0001" + v.Class : Loose(v.Value)))
        {
            var target = group.Key.StartsWith('\u0001')
                ? group.Key[1..]
                : group.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).First().Value.Trim();
            foreach (var (value, _, _) in group.Where(v => v.Value != target))
            {
                merges[value] = target;
            }
        }

        return merges;
    }

    /// <summary>"'male' (512), 'Male' (3) -> 'M'; ..." for the health report.</summary>
    public static string Describe(string header, IReadOnlyDictionary<string, string> merges, IReadOnlyDictionary<string, long> counts) =>
        $"'{header}': values that mean the same were merged: " + string.Join("; ", merges.GroupBy(m => m.Value).Select(g =>
            string.Join(", ", g.Select(m => $"'{m.Key}'" + (counts.TryGetValue(m.Key, out var n) ? $" ({n})" : ""))) + $" into '{g.Key}'")) +
        " (edit \"values\" in the mapping to change this).";

    private static string? ClassOf((string Canonical, string[] Spellings)[] classes, string value)
    {
        var key = Loose(value);
        return classes.FirstOrDefault(c => c.Spellings.Any(s => Loose(s) == key)).Canonical;
    }

    /// <summary>Lower case, accents kept apart, inner spaces collapsed, outer ones trimmed.</summary>
    private static string Loose(string value)
    {
        var text = new StringBuilder();
        foreach (var c in value.Trim().Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture))
        {
            if (!char.IsWhiteSpace(c) || (text.Length > 0 && text[^1] != ' '))
            {
                text.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        return text.ToString();
    }
}
