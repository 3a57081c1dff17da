using GradeLens.Core.Storage;

namespace GradeLens.Core.Accounts;

/// <summary>Someone who may sign in, and how far they reach.</summary>
/// <param name="Organisation">The organisation whose data they see; null only for an admin (every organisation).</param>
/// <param name="Schools">A teacher's schools.</param>
/// <param name="Classes">A teacher's classes, each within its school.</param>
/// <param name="FailedAttempts">Wrong passwords from any address since the last success.</param>
/// <param name="LockedUntil">An admin's lock: no sign-in and no API key before this time (UTC).</param>
/// <param name="SecurityStamp">Changes whenever every session must end: a cookie signed under another stamp is refused.</param>
/// <param name="LastFailedAt">The latest wrong password from any address.</param>
public sealed record UserAccount(
    string Name,
    Role Role,
    string? Organisation,
    IReadOnlyList<string> Schools,
    IReadOnlyList<ClassScope> Classes,
    int FailedAttempts,
    DateTime? LockedUntil,
    DateTime CreatedAt,
    string SecurityStamp = "",
    DateTime? LastFailedAt = null)
{
    /// <summary>
    /// What this user may see, applied by the store in SQL: an admin everything; a leader their organisation; a teacher
    /// the students of their schools or classes; an analyst their organisation's aggregates, small groups suppressed.
    /// </summary>
    public Scope Scope => Role switch
    {
        Role.Admin => Organisation is null ? Scope.Everything : Scope.ForOrganisation(Organisation),
        Role.Leader => Scope.ForOrganisation(RequiredOrganisation),
        Role.Teacher => new Scope(RequiredOrganisation, Schools: Schools, Classes: Classes),
        Role.Analyst => new Scope(RequiredOrganisation, AggregatesOnly: true),
        _ => throw new InvalidOperationException($"Unknown role {Role}."),
    };

    /// <summary>Whether the user may see rows about individual students (all but analysts).</summary>
    public bool SeesStudents => Role != Role.Analyst;

    /// <summary>Whether an admin's lock holds at <paramref name="now"/> (UTC).</summary>
    public bool IsLockedAt(DateTime now) => LockedUntil is { } until && until > now;

    private string RequiredOrganisation => Organisation ?? throw new InvalidOperationException($"{Name} is a {Role.Name()} without an organisation.");
}

/// <summary>A new user's details (or a user's new role and reach), before any password is hashed.</summary>
public sealed record NewUser(string Name, Role Role, string? Organisation, IReadOnlyList<string> Schools, IReadOnlyList<ClassScope> Classes)
{
    /// <summary>
    /// From what someone typed (a form, the command line): trimmed, a blank organisation none, blank or repeated schools and
    /// classes dropped; a class is <c>SCHOOL:CLASS</c> (<see cref="ClassScope.Parse"/>), and one without a school is refused
    /// by <see cref="AccountService.UserProblem"/>.
    /// </summary>
    public static NewUser FromInput(string name, Role role, string? organisation, IEnumerable<string>? schools, IEnumerable<string>? classes)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new NewUser(name.Trim(), role, string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim(), Clean(schools),
            Clean(classes).Select(ClassScope.Parse).Distinct().ToList());
    }

    private static List<string> Clean(IEnumerable<string>? values) =>
        (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>One line of the audit log: who did what, when, from where. Never a student's data.</summary>
public sealed record AuditEntry(DateTime At, string User, string Action, string Detail, string RemoteAddress);
