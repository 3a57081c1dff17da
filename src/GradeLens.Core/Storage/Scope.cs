namespace GradeLens.Core.Storage;

/// <summary>
/// What a caller may see. Every read of the store takes one, and the store applies it in SQL
/// (never by filtering rows in C#).
/// </summary>
/// <param name="Organisation">Only this organisation's rows; null for every organisation (admin).</param>
/// <param name="Schools">Only these schools; null for all schools of the organisation.</param>
/// <param name="Classes">
/// With <paramref name="Schools"/>, a teacher's reach: students in one of the schools OR in one of these classes (a student
/// attribute named like <see cref="ClassAttributes"/>). Null when the scope is not limited to classes.
/// </param>
/// <param name="AggregatesOnly">No student-level rows; groups below <paramref name="MinimumCellSize"/> are suppressed.</param>
/// <param name="MinimumCellSize">Smallest group shown in an aggregate view.</param>
public sealed record Scope(
    string? Organisation,
    IReadOnlyList<string>? Schools = null,
    bool AggregatesOnly = false,
    int MinimumCellSize = Scope.DefaultMinimumCellSize,
    IReadOnlyList<string>? Classes = null)
{
    public const int DefaultMinimumCellSize = 10;

    /// <summary>Everything in the store: the local single-user default and admins.</summary>
    public static Scope Everything { get; } = new(Organisation: null);

    public static Scope ForOrganisation(string organisation) => new(organisation);

    /// <summary>Student attributes that name a class (lower case): a teacher named for class "10X" sees students whose attribute is "10X".</summary>
    public static IReadOnlyList<string> ClassAttributes { get; } =
        ["teaching_group", "teaching group", "class", "group", "set", "form", "form group", "tutor group", "classe", "groupe", "الفصل", "الشعبة"];

    /// <summary>True when the scope is narrower than an organisation (a teacher's schools or classes).</summary>
    public bool LimitsStudents => Schools is not null || Classes is not null;
}
