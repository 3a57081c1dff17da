namespace GradeLens.Web.Security;

/// <summary>
/// The authorization policies. Every endpoint names one (or allows anonymous access explicitly); an endpoint without either
/// falls to the fallback policy, which requires a signed-in user, and a test fails it (deny by default).
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user: what they see is then narrowed by their scope in the store's SQL.</summary>
    public const string Reader = "reader";

    /// <summary>Rows about individual students: admins, leaders and teachers, never analysts (aggregates only).</summary>
    public const string StudentRows = "student-rows";

    /// <summary>Users, imports and the audit log.</summary>
    public const string Admin = "admin";
}
