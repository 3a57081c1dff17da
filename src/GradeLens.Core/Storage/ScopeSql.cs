using System.Data.Common;

namespace GradeLens.Core.Storage;

/// <summary>Turns a <see cref="Scope"/> into a parameterised SQL condition, one text for both stores.</summary>
public static class ScopeSql
{
    /// <summary>
    /// A condition on a students alias such as <c>(s.organisation = $scope_org AND (s.school IN ($scope_school0, ...) OR
    /// EXISTS (a class attribute = $scope_class0 AND s.school = $scope_class_school0 ...)))</c>, adding its parameters; "TRUE"
    /// for <see cref="Scope.Everything"/>. A teacher reaches the students of their schools or of their classes, each within its school.
    /// </summary>
    public static string StudentCondition(this StoreSqlDialect sql, Scope scope, DbCommand command, string alias = "s")
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(scope);
        var parts = new List<string>();
        if (scope.Organisation is not null)
        {
            parts.Add($"{alias}.organisation = {sql.Parameter(command, "scope_org", scope.Organisation)}");
        }

        if (scope.LimitsStudents)
        {
            parts.Add(ReachCondition(sql, scope, command, alias));
        }

        if (scope.Filter is { } filter)
        {
            parts.AddRange(FilterConditions(sql, filter, command, alias));
        }

        return parts.Count == 0 ? "TRUE" : "(" + string.Join(" AND ", parts) + ")";
    }

    /// <summary>A condition on a table that has an organisation column but no school.</summary>
    public static string OrganisationCondition(this StoreSqlDialect sql, Scope scope, DbCommand command, string column = "organisation")
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Organisation is null ? "TRUE" : $"{column} = {sql.Parameter(command, "scope_org", scope.Organisation)}";
    }

    /// <summary>"$prefix0, $prefix1..." with their parameters, or NULL for an empty list (IN (NULL) matches nothing).</summary>
    public static string InList(this StoreSqlDialect sql, DbCommand command, string prefix, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 0 ? "NULL" : string.Join(", ", values.Select((v, i) => sql.Parameter(command, $"{prefix}{i}", v)));
    }

    /// <summary>A page's filter: the school, the class (any class attribute with that value) and the year group, each where named.</summary>
    private static IEnumerable<string> FilterConditions(StoreSqlDialect sql, StudentFilter filter, DbCommand command, string alias)
    {
        if (filter.School is not null)
        {
            yield return $"{alias}.school = {sql.Parameter(command, "filter_school", filter.School)}";
        }

        if (filter.YearGroup is not null)
        {
            yield return $"{alias}.grade_level = {sql.Parameter(command, "filter_year", filter.YearGroup)}";
        }

        if (filter.Class is not null)
        {
            yield return ClassOf(sql, command, alias, "filter_a", $"filter_a.value = {sql.Parameter(command, "filter_class", filter.Class)}");
        }
    }

    /// <summary>
    /// Students in one of the scope's schools or in one of its classes, a class matching only students of its own school;
    /// FALSE when it names neither. A class without a school (kept by a version-2 store) matches nobody: school = NULL is never true.
    /// </summary>
    private static string ReachCondition(StoreSqlDialect sql, Scope scope, DbCommand command, string alias)
    {
        var reach = new List<string>();
        if (scope.Schools is { Count: > 0 } schools)
        {
            reach.Add($"{alias}.school IN ({sql.InList(command, "scope_school", schools)})");
        }

        if (scope.Classes is { Count: > 0 } classes)
        {
            var pairs = classes.Select((c, i) =>
                $"({alias}.school = {sql.Parameter(command, $"scope_class_school{i}", c.School)} AND scope_a.value = {sql.Parameter(command, $"scope_class{i}", c.Class)})");
            reach.Add(ClassOf(sql, command, alias, "scope_a", $"({string.Join(" OR ", pairs)})"));
        }

        return reach.Count == 0 ? "FALSE" : "(" + string.Join(" OR ", reach) + ")";
    }

    /// <summary>The class attribute names (<see cref="Scope.ClassAttributes"/>) as a parameter list, for <c>lower(name) IN (...)</c>.</summary>
    public static string ClassAttributeNames(this StoreSqlDialect sql, DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return sql.InList(command, "scope_class_attribute", Scope.ClassAttributes);
    }

    /// <summary>The student of <paramref name="alias"/> has a class attribute (as <paramref name="attribute"/>) meeting <paramref name="condition"/>.</summary>
    private static string ClassOf(StoreSqlDialect sql, DbCommand command, string alias, string attribute, string condition) =>
        $"EXISTS (SELECT 1 FROM student_attributes {attribute} WHERE {attribute}.student_key = {alias}.student_key " +
        $"AND lower({attribute}.name) IN ({sql.ClassAttributeNames(command)}) AND {condition})";
}
