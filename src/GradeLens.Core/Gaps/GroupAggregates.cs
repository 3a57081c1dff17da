namespace GradeLens.Core.Gaps;

/// <summary>
/// Where a cell sits: one subject of one series (and domain), in a region, school and grade. A null region,
/// school or grade means all of them (the cell is a total over that dimension).
/// </summary>
/// <param name="Domain">"" for the whole subject.</param>
public sealed record CellKey(string Series, string Subject, string Domain, string? Region, string? School, string? GradeLevel)
{
    /// <summary>"Math, North, grade 4" for messages and reasons.</summary>
    public string Describe()
    {
        var parts = new List<string> { Domain.Length == 0 ? Subject : $"{Subject} / {Domain}" };
        if (Region is not null)
        {
            parts.Add(Region);
        }

        if (School is not null)
        {
            parts.Add(School);
        }

        if (GradeLevel is not null)
        {
            parts.Add("grade " + GradeLevel);
        }

        if (Region is null && School is null && GradeLevel is null)
        {
            parts.Add("all students");
        }

        return string.Join(", ", parts);
    }
}

/// <summary>One group of students (a value of the attribute) in one cell, as SQL aggregated it.</summary>
public sealed record GroupAggregate(CellKey Cell, string Group, GroupSummary Summary);

/// <summary>What the store answers for a <see cref="GapRequest"/>: every cell's groups, and the attributes it could have grouped by.</summary>
/// <param name="Known">False when the attribute is not in the store (then <paramref name="Groups"/> is empty).</param>
/// <param name="Attributes">Every attribute the store can group by (gender and each imported attribute name).</param>
/// <param name="Proficiency">Threshold per series and subject (and domain), as "Math (Spring 2026): below 50".</param>
public sealed record GroupAggregates(
    string Attribute,
    bool Known,
    IReadOnlyList<string> Attributes,
    IReadOnlyList<GroupAggregate> Groups,
    IReadOnlyList<string> Proficiency)
{
    public static GroupAggregates Unknown(string attribute, IReadOnlyList<string> attributes) => new(attribute, false, attributes, [], []);
}
