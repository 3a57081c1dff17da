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

        if (scope.Schools is not null)
        {
            if (scope.Schools.Count == 0)
            {
                parts.Add("FALSE");
            }
            else
            {
                var names = scope.Schools.Select((school, i) =>
                {
                    command.Parameters.Add(new DuckDBParameter($"scope_school{i}", school));
                    return $"$scope_school{i}";
                });
                parts.Add($"{alias}.school IN ({string.Join(", ", names)})");
            }
        }

        return parts.Count == 0 ? "TRUE" : "(" + string.Join(" AND ", parts) + ")";
    }

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
