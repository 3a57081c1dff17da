using System.Globalization;

namespace GradeLens.Core.Import.Staging;

/// <summary>Literal quoting for the few SQL parts DuckDB cannot take as parameters (file paths, identifiers in generated SQL).</summary>
internal static class Sql
{
    /// <summary>A string literal; a NUL (which would end DuckDB's reading of the statement) is written as chr(0).</summary>
    public static string Text(string? value) =>
        value is null ? "NULL"
        : value.Contains('\0', StringComparison.Ordinal) ? "(" + string.Join(" || chr(0) || ", value.Split('\0').Select(Text)) + ")"
        : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The column name a source column gets in the stage table: c0, c1...</summary>
    public static string Column(int index) => "c" + index.ToString(CultureInfo.InvariantCulture);
}
