namespace GradeLens.Core.Import.Mapping;

/// <summary>Everything inference knows about one column before deciding its role.</summary>
/// <param name="Header">The header as in the file.</param>
/// <param name="Key">The normalised header.</param>
/// <param name="Match">The synonym it matches, exactly or fuzzily, or null.</param>
/// <param name="Wide">The header read as a wide score column ("math score", "G1"), or null.</param>
/// <param name="Profile">Its sample values.</param>
/// <param name="Words">The header read word by word as a subject the synonyms may not know beside a series or score word, or null.</param>
internal sealed record ColumnEvidence(string Header, string Key, HeaderMatch? Match, WideScoreHeader? Wide, ColumnProfile Profile, HeaderWords? Words = null)
{
    public HeaderMatch? ExactMatch => Match is { Distance: 0 } ? Match : null;

    public HeaderMatch? FuzzyMatch => Match is { Distance: > 0 } ? Match : null;

    public ColumnMapping As(ColumnRole role, string matchedBy) => new() { Header = Header, Role = role, MatchedBy = matchedBy };

    /// <summary>A score or baseline column with the scale detected from its values (none when there are no values).</summary>
    public ColumnMapping AsScore(ColumnRole role, string matchedBy)
    {
        if (Profile.IsEmpty)
        {
            return As(role, matchedBy);
        }

        var scale = ScaleDetector.Detect(Profile.Values, Header);
        return As(role, matchedBy) with
        {
            Scale = scale.Id,
            MaxScore = scale.Id == GradeScales.PointsId ? scale.Maximum : null,
        };
    }
}
