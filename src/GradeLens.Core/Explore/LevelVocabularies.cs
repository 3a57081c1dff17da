namespace GradeLens.Core.Explore;

/// <summary>
/// Words whose order everyone agrees on, as the normalised forms <see cref="LevelOrder"/> compares (lower case, no
/// accents, one space, straight apostrophes). Each scale maps a word to its place; words at the same place are synonyms.
/// </summary>
internal static class LevelVocabularies
{
    /// <summary>A named scale: each word with its place on it.</summary>
    internal sealed record Scale(string Name, IReadOnlyDictionary<string, double> Places);

    /// <summary>Checked in this order; the first scale holding every level wins.</summary>
    public static IReadOnlyList<Scale> Scales { get; } =
    [
        Build("education",
            (0, ["none", "no schooling", "no formal education", "no qualifications", "no qualification", "sans diplome", "aucun diplome", "aucun"]),
            (1, ["primary", "primary school", "primary education", "primary education (4th grade)", "elementary", "elementary school", "certificat d'etudes", "cep"]),
            (2, ["5th to 9th grade", "middle school", "lower secondary", "some high school", "brevet", "dnb", "brevet des colleges", "gcse", "gcses", "o level", "o levels", "o-level", "o-levels"]),
            (2.5, ["cap", "bep", "cap-bep", "cap/bep", "cap ou bep"]),
            (3, ["high school", "high school diploma", "secondary", "secondary education", "upper secondary", "a level", "a levels", "a-level", "a-levels", "baccalaureat", "bac", "bac general", "bac pro", "bac professionnel", "bac technologique"]),
            (3.5, ["some college", "some university", "post-secondary", "postsecondary"]),
            (4, ["associate's degree", "associate degree", "associates degree", "bac+2", "bts", "dut", "deug", "hnd", "foundation degree", "higher education"]),
            (5, ["bachelor's degree", "bachelor degree", "bachelors degree", "bachelors", "bachelor", "licence", "bac+3", "undergraduate degree", "university degree", "degree"]),
            (6, ["master's degree", "master degree", "masters degree", "masters", "master", "bac+5", "postgraduate", "postgraduate degree", "graduate degree", "mba"]),
            (7, ["doctorate", "doctoral degree", "phd", "doctorat", "bac+8"])),
        Build("french school year",
            (1, ["cp"]), (2, ["ce1"]), (3, ["ce2"]), (4, ["cm1"]), (5, ["cm2"]),
            (6, ["6e", "6eme", "sixieme"]), (7, ["5e", "5eme", "cinquieme"]), (8, ["4e", "4eme", "quatrieme"]), (9, ["3e", "3eme", "troisieme"]),
            (10, ["2nde", "2de", "seconde"]), (11, ["1re", "1ere", "premiere"]), (12, ["terminale", "tle"])),
        Build("level",
            (0, ["very low", "tres faible", "tres bas"]),
            (1, ["low", "faible", "bas", "basse", "lower"]),
            (2, ["medium", "moderate", "mid", "middle", "moyen", "moyenne", "intermediate"]),
            (3, ["high", "eleve", "elevee", "haut", "haute", "fort", "forte", "higher"]),
            (4, ["very high", "tres eleve", "tres elevee", "tres haut"])),
        Build("relative to average",
            (0, ["well below average"]), (1, ["below average", "below"]), (2, ["average", "at average", "in line"]),
            (3, ["above average", "above"]), (4, ["well above average"])),
        Build("agreement",
            (0, ["strongly disagree"]), (1, ["disagree"]), (2, ["neutral", "neither agree nor disagree"]), (3, ["agree"]), (4, ["strongly agree"])),
        Build("frequency",
            (0, ["never", "jamais"]), (1, ["rarely", "seldom", "rarement"]), (2, ["sometimes", "occasionally", "parfois"]),
            (3, ["often", "frequently", "souvent"]), (4, ["always", "toujours"])),
        Build("quality",
            (0, ["very poor"]), (1, ["poor"]), (2, ["fair"]), (3, ["good"]), (4, ["very good"]), (5, ["excellent"])),
        Build("deprivation",
            (0, ["most deprived"]), (1, ["more deprived"]), (2, ["less deprived"]), (3, ["least deprived"])),
    ];

    /// <summary>Values that say the attribute is not known: never placed on a scale, listed last.</summary>
    public static IReadOnlySet<string> Missing { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "", "(unknown)", "unknown", "missing", "n/a", "na", "none recorded", "not known", "not recorded", "not stated",
        "prefer not to say", "inconnu", "non renseigne", "nr", "-", "?", "null",
    };

    /// <summary>Words that describe a numbered level ("1 (most deprived)", "10 - least deprived") and are dropped before reading its number.</summary>
    public static IReadOnlyList<string> NumberDescriptors { get; } =
        ["most deprived", "least deprived", "most affluent", "least affluent", "lowest", "highest", "most", "least", "top", "bottom"];

    /// <summary>The words that may come before a level's number: "band 3", "year 7", "decile 2", "ks2", "q1".</summary>
    public static IReadOnlySet<string> NumberPrefixes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "", "band", "imd band", "deprivation band", "year", "yr", "y", "grade", "gr", "level", "lvl", "key stage", "ks", "stage",
        "decile", "imd decile", "idaci decile", "deprivation decile", "d", "quintile", "imd quintile", "quartile", "q",
        "tier", "term", "semester", "semestre", "trimestre", "form", "standard", "std", "age", "aged", "ages", "niveau", "annee",
    };

    /// <summary>The words that may come after it: "9th grade", "16-18 years", "10%".</summary>
    public static IReadOnlySet<string> NumberSuffixes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "", "grade", "years", "year olds", "years old", "yrs", "ans", "%", "percent", "points", "pts",
    };

    /// <summary>Year groups before Year 1, placed on the "year" numbering.</summary>
    public static IReadOnlyDictionary<string, double> EarlyYears { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["nursery"] = -1, ["reception"] = 0,
    };

    private static Scale Build(string name, params (double Place, string[] Words)[] places) =>
        new(name, places.SelectMany(p => p.Words.Select(w => (w, p.Place))).ToDictionary(x => x.w, x => x.Place, StringComparer.Ordinal));
}
