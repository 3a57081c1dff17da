using GradeLens.Core.Storage;

namespace GradeLens.Core.Accounts;

/// <summary>Someone who may sign in, and how far they reach.</summary>
/// <param name="Organisation">The organisation whose data they see; null only for an admin (every organisation).</param>
/// <param name="Schools">A teacher's schools.</param>
/// <param name="Classes">A teacher's classes (teaching groups).</param>
/// <param name="FailedAttempts">Wrong passwords since the last success.</param>
/// <param name="LockedUntil">No sign-in before this time (UTC), after too many wrong passwords.</param>
public sealed record UserAccount(
    string Name,
    Role Role,
    string? Organisation,
    IReadOnlyList<string> Schools,
    IReadOnlyList<string> Classes,
    int FailedAttempts,
    DateTime? LockedUntil,
    DateTime CreatedAt)
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

    private string RequiredOrganisation => Organisation ?? throw new InvalidOperationException($"{Name} is a {Role.Name()} without an organisation.");
}

/// <summary>A new user's details, before their password is hashed.</summary>
public sealed record NewUser(string Name, Role Role, string? Organisation, IReadOnlyList<string> Schools, IReadOnlyList<string> Classes)
{
    /// <summary>From what someone typed (a form, the command line): trimmed, a blank organisation none, blank or repeated schools and classes dropped.</summary>
    public static NewUser FromInput(string name, Role role, string? organisation, IEnumerable<string>? schools, IEnumerable<string>? classes)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new NewUser(name.Trim(), role, string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim(), Clean(schools), Clean(classes));
    }

    private static List<string> Clean(IEnumerable<string>? values) =>
        (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>One line of the audit log: who did what, when, from where. Never a student's data.</summary>
public sealed record AuditEntry(DateTime At, string User, string Action, string Detail, string RemoteAddress);
