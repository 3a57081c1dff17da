using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tracking;

/// <summary>Turns a <see cref="TrackingFilter"/>'s group into a parameterised condition on a students alias s, for both stores.</summary>
internal static class TrackingFilterSql
{
    /// <summary>The attributes every student row carries as a column; any other name is looked up in student_attributes.</summary>
    public static readonly IReadOnlyList<string> StudentColumns = ["school", "region", "grade_level", "gender"];

    /// <summary>One of the student's fixed columns, or one imported attribute, equals the value; TRUE without a group.</summary>
    public static string FilterCondition(this StoreSqlDialect sql, TrackingFilter filter, DbCommand command)
    {
        if (string.IsNullOrWhiteSpace(filter.Attribute) || filter.Value is null)
        {
            return "TRUE";
        }

        var value = sql.Parameter(command, "filter_value", filter.Value);
        var column = filter.Attribute.Trim().ToLower(CultureInfo.InvariantCulture);
        if (StudentColumns.Contains(column))
        {
            return $"s.{column} = {value}";
        }

        var name = sql.Parameter(command, "filter_name", filter.Attribute.Trim());
        return $"EXISTS (SELECT 1 FROM student_attributes f WHERE f.student_key = s.student_key AND f.name = {name} AND f.value = {value})";
    }

    /// <summary>The scope's students narrowed to the filter's group.</summary>
    public static string TrackedStudents(this StoreSqlDialect sql, Scope scope, TrackingFilter filter, DbCommand command) =>
        sql.StudentCondition(scope, command) + " AND " + sql.FilterCondition(filter, command);
}
