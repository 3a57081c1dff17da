using DuckDB.NET.Data;

namespace GradeLens.Core.Storage.DuckDb;

/// <summary>Turns a <see cref="Scope"/> into a parameterised SQL condition on a students alias.</summary>
internal static class ScopeSql
{
    /// <summary>
    /// A condition such as <c>(s.organisation = $scope_org AND s.school IN ($scope_school0, ...))</c>,
    /// adding its parameters to <paramref name="command"/>. "TRUE" for <see cref="Scope.Everything"/>.
    /// </summary>
    public static string StudentCondition(Scope scope, DuckDBCommand command, string alias = "s")
    {
        var parts = new List<string>();
        if (scope.Organisation is not null)
        {
            parts.Add($"{alias}.organisation = $scope_org");
            command.Parameters.Add(new DuckDBParameter("scope_org", scope.Organisation));
        }

        if (scope.LimitsStudents)
        {
            parts.Add(ReachCondition(scope, command, alias));
        }

        return parts.Count == 0 ? "TRUE" : "(" + string.Join(" AND ", parts) + ")";
    }

    /// <summary>Students in one of the scope's schools or in one of its classes; FALSE when it names neither.</summary>
    private static string ReachCondition(Scope scope, DuckDBCommand command, string alias)
    {
        var reach = new List<string>();
        if (scope.Schools is { Count: > 0 } schools)
        {
            reach.Add($"{alias}.school IN ({Parameters(command, "scope_school", schools)})");
        }

        if (scope.Classes is { Count: > 0 } classes)
        {
            reach.Add($"EXISTS (SELECT 1 FROM student_attributes scope_a WHERE scope_a.student_key = {alias}.student_key " +
                      $"AND lower(scope_a.name) IN ({Parameters(command, "scope_class_attribute", Scope.ClassAttributes)}) " +
                      $"AND scope_a.value IN ({Parameters(command, "scope_class", classes)}))");
        }

        return reach.Count == 0 ? "FALSE" : "(" + string.Join(" OR ", reach) + ")";
    }

    private static string Parameters(DuckDBCommand command, string prefix, IReadOnlyList<string> values) =>
        string.Join(", ", values.Select((value, i) =>
        {
            command.Parameters.Add(new DuckDBParameter($"{prefix}{i}", value));
            return $"${prefix}{i}";
        }));

    /// <summary>A condition on a table that has an organisation column but no school.</summary>
    public static string OrganisationCondition(Scope scope, DuckDBCommand command, string column = "organisation")
    {
        if (scope.Organisation is null)
        {
            return "TRUE";
        }

        if (!command.Parameters.Contains("scope_org"))
        {
            command.Parameters.Add(new DuckDBParameter("scope_org", scope.Organisation));
        }

        return $"{column} = $scope_org";
    }
}
