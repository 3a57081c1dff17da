using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Storage.DuckDb;

/// <summary>Turns a <see cref="TrackingFilter"/>'s group into a parameterised condition on a students alias s.</summary>
internal static class TrackingFilterSql
{
    /// <summary>The attributes every student row carries as a column; any other name is looked up in student_attributes.</summary>
    public static readonly IReadOnlyList<string> StudentColumns = ["school", "region", "grade_level", "gender"];

    /// <summary>One of the student's fixed columns, or one imported attribute, equals the value; TRUE without a group.</summary>
    public static string Condition(TrackingFilter filter, DuckDBCommand command)
    {
        if (string.IsNullOrWhiteSpace(filter.Attribute) || filter.Value is null)
        {
            return "TRUE";
        }

        command.Parameters.Add(new DuckDBParameter("filter_value", filter.Value));
        var column = filter.Attribute.Trim().ToLower(CultureInfo.InvariantCulture);
        if (StudentColumns.Contains(column))
        {
            return $"s.{column} = $filter_value";
        }

        command.Parameters.Add(new DuckDBParameter("filter_name", filter.Attribute.Trim()));
        return "EXISTS (SELECT 1 FROM student_attributes f WHERE f.student_key = s.student_key AND f.name = $filter_name AND f.value = $filter_value)";
    }
}
