using System.Globalization;

namespace GradeLens.Core.Import.Staging;

/// <summary>Literal quoting for the few SQL parts DuckDB cannot take as parameters (file paths, identifiers in generated SQL).</summary>
internal static class Sql
{
    public static string Text(string? value) => value is null ? "NULL" : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The column name a source column gets in the stage table: c0, c1...</summary>
    public static string Column(int index) => "c" + index.ToString(CultureInfo.InvariantCulture);
}
