namespace GradeLens.Core.Import.Mapping;

/// <summary>What <see cref="HeaderMatcher"/> found for a header.</summary>
/// <param name="Role">The role of the matching synonym.</param>
/// <param name="AreaLevel">Area level of an area or area-code synonym, else null.</param>
/// <param name="Synonym">The spelling from <see cref="HeaderSynonyms"/> that matched.</param>
/// <param name="Distance">Edit distance between the normalised header and the synonym: 0 for an exact match.</param>
public sealed record HeaderMatch(ColumnRole Role, string? AreaLevel, string Synonym, int Distance)
{
    /// <summary>"synonym" or "fuzzy (distance N)", as written to <see cref="ColumnMapping.MatchedBy"/>.</summary>
    public string MatchedBy => Distance == 0 ? "synonym" : $"fuzzy (distance {Distance})";
}
