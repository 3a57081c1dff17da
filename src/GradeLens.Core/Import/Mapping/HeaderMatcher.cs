namespace GradeLens.Core.Import.Mapping;

/// <summary>
/// Finds the role a header names, from <see cref="HeaderSynonyms"/>: an exact match after
/// <see cref="HeaderNormaliser.Normalise"/>, else a fuzzy one (Levenshtein distance at most 1 for a
/// normalised header of 5 characters or more, at most 2 from 9). A fuzzy match that two roles tie on is no match.
/// </summary>
public sealed class HeaderMatcher
{
    private readonly Dictionary<string, HeaderSynonym> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _subjects = new(StringComparer.Ordinal);

    public HeaderMatcher(IReadOnlyList<HeaderSynonym> roles, IReadOnlyList<SubjectSynonym> subjects)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(subjects);
        foreach (var synonym in roles)
        {
            foreach (var spelling in synonym.Spellings)
            {
                var key = HeaderNormaliser.Normalise(spelling);
                if (_roles.TryGetValue(key, out var existing) && existing != synonym)
                {
                    throw new ArgumentException($"The header spelling \"{spelling}\" is listed for both {existing.Role} and {synonym.Role}.", nameof(roles));
                }

                _roles[key] = synonym;
            }
        }

        foreach (var synonym in subjects)
        {
            foreach (var spelling in synonym.Spellings)
            {
                var key = HeaderNormaliser.Normalise(spelling);
                if (_subjects.TryGetValue(key, out var existing) && existing != synonym.Subject)
                {
                    throw new ArgumentException($"The subject spelling \"{spelling}\" is listed for both {existing} and {synonym.Subject}.", nameof(subjects));
                }

                _subjects[key] = synonym.Subject;
            }
        }

        SubjectSpellings = [.. _subjects.Keys.OrderByDescending(key => key.Length)];
    }

    /// <summary>The matcher over the built-in tables.</summary>
    public static HeaderMatcher Default { get; } = new(HeaderSynonyms.Roles, HeaderSynonyms.Subjects);

    /// <summary>Normalised subject spellings, longest first (so "mathematics" is tried before "math").</summary>
    internal IReadOnlyList<string> SubjectSpellings { get; }

    /// <summary>The role <paramref name="header"/> names, or null when no synonym is close enough.</summary>
    public HeaderMatch? Match(string header)
    {
        var key = HeaderNormaliser.Normalise(header);
        if (key.Length == 0)
        {
            return null;
        }

        if (_roles.TryGetValue(key, out var exact))
        {
            return new HeaderMatch(exact.Role, exact.AreaLevel, key, 0);
        }

        var allowed = AllowedDistance(key.Length);
        if (allowed == 0)
        {
            return null;
        }

        HeaderMatch? best = null;
        var tied = false;
        foreach (var (spelling, synonym) in _roles)
        {
            if (Math.Abs(spelling.Length - key.Length) > allowed)
            {
                continue;
            }

            var distance = EditDistance.Levenshtein(key, spelling);
            if (distance > allowed || (best is not null && distance > best.Distance))
            {
                continue;
            }

            if (best is not null && distance == best.Distance)
            {
                tied |= best.Role != synonym.Role || best.AreaLevel != synonym.AreaLevel;
                continue;
            }

            best = new HeaderMatch(synonym.Role, synonym.AreaLevel, spelling, distance);
            tied = false;
        }

        return tied ? null : best;
    }

    /// <summary>The canonical subject that <paramref name="text"/> names exactly ("Maths", "رياضيات" -> "Mathematics"), else null.</summary>
    public string? MatchSubject(string text) =>
        _subjects.GetValueOrDefault(HeaderNormaliser.Normalise(text));

    /// <summary>Subject of a normalised key, for callers that already normalised.</summary>
    internal string? SubjectOfKey(string key) => _subjects.GetValueOrDefault(key);

    private static int AllowedDistance(int normalisedLength) => normalisedLength switch
    {
        >= 9 => 2,
        >= 5 => 1,
        _ => 0,
    };
}
