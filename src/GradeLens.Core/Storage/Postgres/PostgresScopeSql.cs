using GradeLens.Core.Tracking;
using Npgsql;
using NpgsqlTypes;

namespace GradeLens.Core.Storage.Postgres;

/// <summary>
/// <see cref="DuckDb.ScopeSql"/> and <see cref="DuckDb.TrackingFilterSql"/> for PostgreSQL: a <see cref="Scope"/> or a tracking
/// filter as a parameterised condition on a students alias (values are always parameters, never SQL text).
/// </summary>
internal static class PostgresScopeSql
{
    /// <summary>
    /// <c>(s.organisation = @scope_org AND (s.school = ANY(@scope_schools) OR EXISTS (a class attribute in @scope_classes)))</c>;
    /// "TRUE" for <see cref="Scope.Everything"/>. A teacher reaches the students of their schools or of their classes.
    /// </summary>
    public static string StudentCondition(Scope scope, NpgsqlCommand command, string alias = "s")
    {
        var parts = new List<string>();
        if (scope.Organisation is not null)
        {
            Text(command, "scope_org", scope.Organisation);
            parts.Add($"{alias}.organisation = @scope_org");
        }

        if (scope.LimitsStudents)
        {
            parts.Add(ReachCondition(scope, command, alias));
        }

        return parts.Count == 0 ? "TRUE" : "(" + string.Join(" AND ", parts) + ")";
    }

    private static string ReachCondition(Scope scope, NpgsqlCommand command, string alias)
    {
        var reach = new List<string>();
        if (scope.Schools is { Count: > 0 } schools)
        {
            TextArray(command, "scope_schools", schools);
            reach.Add($"{alias}.school = ANY(@scope_schools)");
        }

        if (scope.Classes is { Count: > 0 } classes)
        {
            TextArray(command, "scope_class_attributes", Scope.ClassAttributes);
            TextArray(command, "scope_classes", classes);
            reach.Add($"EXISTS (SELECT 1 FROM student_attributes scope_a WHERE scope_a.student_key = {alias}.student_key " +
                      "AND lower(scope_a.name) = ANY(@scope_class_attributes) AND scope_a.value = ANY(@scope_classes))");
        }

        return reach.Count == 0 ? "FALSE" : "(" + string.Join(" OR ", reach) + ")";
    }

    /// <summary>A condition on a table that has an organisation column but no school.</summary>
    public static string OrganisationCondition(Scope scope, NpgsqlCommand command, string column = "organisation")
    {
        if (scope.Organisation is null)
        {
            return "TRUE";
        }

        Text(command, "scope_org", scope.Organisation);
        return $"{column} = @scope_org";
    }

    /// <summary>One of the student's fixed columns, or one imported attribute, equals the filter's value; TRUE without a group.</summary>
    public static string FilterCondition(TrackingFilter filter, NpgsqlCommand command)
    {
        if (string.IsNullOrWhiteSpace(filter.Attribute) || filter.Value is null)
        {
            return "TRUE";
        }

        Text(command, "filter_value", filter.Value);
        var column = filter.Attribute.Trim().ToLowerInvariant();
        if (DuckDb.TrackingFilterSql.StudentColumns.Contains(column))
        {
            return $"s.{column} = @filter_value";
        }

        Text(command, "filter_name", filter.Attribute.Trim());
        return "EXISTS (SELECT 1 FROM student_attributes f WHERE f.student_key = s.student_key AND f.name = @filter_name AND f.value = @filter_value)";
    }

    /// <summary>Adds a text parameter once (typed, so a null is a text null).</summary>
    public static void Text(NpgsqlCommand command, string name, string? value)
    {
        if (!command.Parameters.Contains(name))
        {
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });
        }
    }

    private static void TextArray(NpgsqlCommand command, string name, IReadOnlyList<string> values)
    {
        if (!command.Parameters.Contains(name))
        {
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() });
        }
    }

    public static void Integer(NpgsqlCommand command, string name, long value) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Bigint) { Value = value });
}
