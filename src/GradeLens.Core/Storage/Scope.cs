namespace GradeLens.Core.Storage;

/// <summary>
/// What a caller may see. Every read of the store takes one, and the store applies it in SQL
/// (never by filtering rows in C#).
/// </summary>
/// <param name="Organisation">Only this organisation's rows; null for every organisation (admin).</param>
/// <param name="Schools">Only these schools; null for all schools of the organisation.</param>
/// <param name="Classes">
/// With <paramref name="Schools"/>, a teacher's reach: students in one of the schools OR in one of these classes, each a class
/// within its school (a student attribute named like <see cref="ClassAttributes"/>, of a student of that school). Null when
/// the scope is not limited to classes.
/// </param>
/// <param name="AggregatesOnly">No student-level rows; groups below <paramref name="MinimumCellSize"/> are suppressed.</param>
/// <param name="MinimumCellSize">Smallest group shown in an aggregate view.</param>
/// <param name="Filter">A page's narrowing within the caller's reach (a school, class or year group); null for none.</param>
public sealed record Scope(
    string? Organisation,
    IReadOnlyList<string>? Schools = null,
    bool AggregatesOnly = false,
    int MinimumCellSize = Scope.DefaultMinimumCellSize,
    IReadOnlyList<ClassScope>? Classes = null,
    StudentFilter? Filter = null)
{
    public const int DefaultMinimumCellSize = 10;

    /// <summary>Everything in the store: the local single-user default and admins.</summary>
    public static Scope Everything { get; } = new(Organisation: null);

    public static Scope ForOrganisation(string organisation) => new(organisation);

    /// <summary>Student attributes that name a class (lower case): a teacher named for class "10X" of a school sees that school's students whose attribute is "10X".</summary>
    public static IReadOnlyList<string> ClassAttributes { get; } =
        ["teaching_group", "teaching group", "class", "group", "set", "form", "form group", "tutor group", "classe", "groupe", "الفصل", "الشعبة"];

    /// <summary>True when the scope is narrower than an organisation (a teacher's schools or classes).</summary>
    public bool LimitsStudents => Schools is not null || Classes is not null;

    /// <summary>This scope narrowed by a page's filter (an empty filter leaves it as it is).</summary>
    public Scope Narrowed(StudentFilter? filter)
    {
        var kept = filter is null || filter.IsEmpty ? null : filter;
        return kept == Filter ? this : this with { Filter = kept };
    }

    /// <summary>This scope without a page's filter: what the caller may see at all.</summary>
    public Scope WithoutFilter() => Filter is null ? this : this with { Filter = null };
}

/// <summary>
/// A class within its school: "11A at North School", written <c>North School:11A</c> (<see cref="Parse"/>). The same class
/// name in another school is another class.
/// </summary>
/// <param name="School">
/// The class's school. Null only for a class kept by a version-2 store, which named classes without their school: it reaches
/// nobody until an admin names its school again.
/// </param>
public sealed record ClassScope(string? School, string Class)
{
    /// <summary>Between the school and the class in <see cref="Parse"/>'s text; a class name cannot contain it.</summary>
    public const char Separator = ':';

    /// <summary>"SCHOOL:CLASS" split at the last colon (a school's name may hold one, a class's may not), both trimmed; a text without a school gives a null school.</summary>
    public static ClassScope Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf(Separator);
        var school = at < 0 ? "" : text[..at].Trim();
        return new ClassScope(school.Length == 0 ? null : school, text[(at + 1)..].Trim());
    }

    /// <summary>"North School:11A"; a class without its school as "11A (no school: reaches nobody)".</summary>
    public override string ToString() => School is null ? $"{Class} (no school: reaches nobody)" : $"{School}{Separator}{Class}";
}
