namespace GradeLens.Core.Accounts;

/// <summary>What a signed-in user may see and do.</summary>
public enum Role
{
    /// <summary>Users, imports, the audit log and every organisation's data.</summary>
    Admin,

    /// <summary>All data of their organisation, student rows included.</summary>
    Leader,

    /// <summary>Only the students of the schools or classes named for them.</summary>
    Teacher,

    /// <summary>Their organisation's aggregates only: no student-level rows, small groups suppressed.</summary>
    Analyst,
}

public static class Roles
{
    /// <summary>The role from its name, any case ("leader", "Analyst"); null when there is no such role.</summary>
    public static Role? Parse(string? name) =>
        Enum.TryParse<Role>(name, ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(name, out _) ? role : null;

    /// <summary>The role's name as stored and shown: lower case.</summary>
    public static string Name(this Role role) => role.ToString().ToLowerInvariant();

    public static string AllNames { get; } = string.Join(", ", Enum.GetValues<Role>().Select(Name));
}
