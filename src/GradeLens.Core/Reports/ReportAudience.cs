using GradeLens.Core.Accounts;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Reports;

/// <summary>
/// Who a report is for: a user's name, role and <see cref="Scope"/> (the one the web app gives them,
/// <see cref="UserAccount.Scope"/>), which every read of the report applies in SQL as the pages do.
/// </summary>
public sealed record ReportAudience(string Name, Role Role, Scope Scope)
{
    /// <summary>Whoever runs <c>gradelens report</c> without <c>--as</c>: an admin of everything, as the command line is everywhere else.</summary>
    public static ReportAudience CommandLineAdmin { get; } = new("command-line admin", Role.Admin, Scope.Everything);

    public static ReportAudience For(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new ReportAudience(user.Name, user.Role, user.Scope);
    }

    /// <summary>Whether the report may hold rows about individual students: never for an analyst (aggregates only).</summary>
    public bool SeesStudents => Role != Role.Analyst && !Scope.AggregatesOnly;

    /// <summary>"ann (analyst, North)" for the index and the audit log.</summary>
    public string Describe() => $"{Name} ({Role.Name()}, {Scope.Organisation ?? "every organisation"})";
}
