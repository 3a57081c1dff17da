using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Import.Reading;

namespace GradeLens.Core.Quality.Import;

/// <summary>A file or sheet recognised as one kind of table, with the header each of its columns comes from.</summary>
/// <param name="Kind">The kind; null when the table is not used (a students table) or not recognised (see <paramref name="Problem"/>).</param>
/// <param name="Columns">Quality column name -> index of the source header.</param>
/// <param name="Problem">Why the table cannot be imported; null when it can (or is left out on purpose).</param>
public sealed record QualityRecognition(QualityTableKind? Kind, IReadOnlyDictionary<string, int> Columns, IReadOnlyList<string> Unused, string? Problem, string? Note);

/// <summary>
/// Decides which table a file or sheet is: every kind maps the headers through its synonyms; a kind fits when it finds
/// every column it needs; the best fit wins (a kind the file or sheet name points to gets a bonus, which breaks ties
/// between kinds that fit as well). Two kinds that fit equally well and neither named is a problem, never a guess.
/// </summary>
public static class QualityTableRecognition
{
    private const int NameBonus = 5;

    public static QualityRecognition Recognise(SourceTable source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var headers = source.Headers.Select(HeaderNormaliser.Normalise).ToList();
        var name = HeaderNormaliser.Normalise(source.Sheet ?? Path.GetFileNameWithoutExtension(source.OriginalPath));
        var bestName = QualityTableKinds.All.Max(k => k.NameMatch(name));
        var fits = QualityTableKinds.All
            .Select(kind => (Kind: kind, Columns: Map(kind, headers)))
            .Where(f => Fits(f.Kind, f.Columns))
            .Select(f => (f.Kind, f.Columns, Score: Score(f.Kind, f.Columns) + (bestName > 0 && f.Kind.NameMatch(name) == bestName ? NameBonus : 0)))
            .OrderByDescending(f => f.Score)
            .ToList();
        var shown = string.Join(", ", source.Headers.Select(h => $"'{h}'"));
        // A students table (it has a programme column, so it fits a programmes table) is named so, and no fitting kind is.
        if (QualityTableKinds.Students.NameMatch(name) > 0 && headers.Any(QualityTableKinds.Students["student_id"].Matches) && fits.All(f => f.Kind.NameMatch(name) == 0))
        {
            return new QualityRecognition(null, new Dictionary<string, int>(), source.Headers, null,
                $"{source.DisplayName}: a students table; no Quality KPI uses it, so it is not imported.");
        }

        if (fits.Count == 0)
        {

            var named = QualityTableKinds.All.Where(k => bestName > 0 && k.NameMatch(name) == bestName).ToList();
            var problem = named.Count > 0
                ? $"its name says {string.Join(" or ", named.Select(k => k.Name))}, but it has no column for {string.Join(" or ", named.Select(k => Missing(k, Map(k, headers))))} (its headers: {shown})"
                : $"it is not a table the Quality import knows (programmes, modules, enrolments, assessments, grades, surveys, support visits, complaints, placements, admissions); its headers: {shown}";
            return new QualityRecognition(null, new Dictionary<string, int>(), source.Headers, problem, null);
        }

        if (fits.Count > 1 && fits[0].Score == fits[1].Score)
        {
            return new QualityRecognition(null, new Dictionary<string, int>(), source.Headers,
                $"it could be {fits[0].Kind.Name} or {fits[1].Kind.Name}: name the file or sheet after the table it is (e.g. '{fits[0].Kind.FileNames[0]}.csv')", null);
        }

        var (kind, columns, _) = fits[0];
        var unused = source.Headers.Where((_, i) => !columns.Values.Contains(i)).ToList();
        return new QualityRecognition(kind, columns, unused, null, unused.Count == 0 ? null
            : $"{source.DisplayName}: {string.Join(", ", unused.Select(u => $"'{u}'"))} not used.");
    }

    /// <summary>Each column the kind knows -> the unused header that names it best (by the order of its synonyms).</summary>
    public static IReadOnlyDictionary<string, int> Map(QualityTableKind kind, IReadOnlyList<string> normalisedHeaders)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(normalisedHeaders);
        var taken = new HashSet<int>();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var spec in kind.Columns.OrderByDescending(c => c.Required || c.Group is not null))
        {
            var best = Enumerable.Range(0, normalisedHeaders.Count)
                .Where(i => !taken.Contains(i) && spec.Matches(normalisedHeaders[i]))
                .OrderBy(i => spec.Preference(normalisedHeaders[i]))
                .Select(i => (int?)i)
                .FirstOrDefault();
            if (best is { } index)
            {
                taken.Add(index);
                columns[spec.Column] = index;
            }
        }

        return columns;
    }

    private static bool Fits(QualityTableKind kind, IReadOnlyDictionary<string, int> columns) =>
        kind.Columns.Where(c => c.Required).All(c => columns.ContainsKey(c.Column)) &&
        kind.Columns.Where(c => c.Group is not null).GroupBy(c => c.Group).All(g => g.Any(c => columns.ContainsKey(c.Column)));

    private static int Score(QualityTableKind kind, IReadOnlyDictionary<string, int> columns) =>
        kind.Columns.Where(c => columns.ContainsKey(c.Column)).Sum(c => c.Required || c.Group is not null ? 2 : 1);

    private static string Missing(QualityTableKind kind, IReadOnlyDictionary<string, int> columns) =>
        string.Join(" and ", kind.Columns.Where(c => c.Required && !columns.ContainsKey(c.Column)).Select(c => c.Describe)
            .Concat(kind.Columns.Where(c => c.Group is not null).GroupBy(c => c.Group).Where(g => !g.Any(c => columns.ContainsKey(c.Column)))
                .Select(g => string.Join(" or ", g.Select(c => c.Describe)))));
}
