namespace GradeLens.Core.Gaps;

/// <summary>A dimension a gaps table can be broken down by; every cell is also one subject of one series.</summary>
public enum GapDimension
{
    Region,
    School,
    GradeLevel,

    /// <summary>Cells per domain of a subject (Reading, Writing...) instead of the whole subject.</summary>
    Domain,
}

/// <summary>Which gaps to compute.</summary>
/// <param name="Attribute">The student grouping compared: gender, or the name of any imported attribute (lunch, ethnicity...).</param>
/// <param name="Within">Break the table down by these (and every coarser combination of them, down to the national figure).</param>
/// <param name="Series">Only this series; null for the latest series of each subject (per scale).</param>
/// <param name="Subject">Only this subject; null for every subject.</param>
/// <param name="MinimumCellSize">Smallest group shown; null for the scope's. An aggregates-only scope never goes below its own.</param>
public sealed record GapRequest(
    string Attribute = GapRequest.DefaultAttribute,
    IReadOnlyList<GapDimension>? Within = null,
    string? Series = null,
    string? Subject = null,
    int? MinimumCellSize = null)
{
    public const string DefaultAttribute = "gender";

    /// <summary>What a missing value of a dimension or attribute shows as.</summary>
    public const string Unknown = "not recorded";

    public IReadOnlyList<GapDimension> Dimensions => Within ?? [GapDimension.Region, GapDimension.GradeLevel];

    public bool ByDomain => Dimensions.Contains(GapDimension.Domain);

    /// <summary>Parses "region,grade,subject,domain" (subject is always there and may be named; grade and grade_level both mean the grade).</summary>
    public static IReadOnlyList<GapDimension> ParseWithin(string? text)
    {
        var dimensions = new List<GapDimension>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            GapDimension? dimension = part.ToUpperInvariant() switch
            {
                "REGION" => GapDimension.Region,
                "SCHOOL" => GapDimension.School,
                "GRADE" or "GRADE_LEVEL" or "GRADELEVEL" => GapDimension.GradeLevel,
                "DOMAIN" => GapDimension.Domain,
                "SUBJECT" => null,
                _ => throw new FormatException($"'{part}' is not a dimension: use region, school, grade, subject or domain."),
            };
            if (dimension is { } d && !dimensions.Contains(d))
            {
                dimensions.Add(d);
            }
        }

        return dimensions;
    }
}
