namespace GradeLens.Core.Storage.Backup;

/// <summary>Quotes names that SQL cannot take as parameters: table names read from information_schema, an ATTACH path.</summary>
internal static class SqlName
{
    /// <summary>A quoted identifier: <c>"name"</c>, inner quotes doubled.</summary>
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A string literal: <c>'text'</c>, inner quotes doubled. Only for ATTACH, which takes no parameters.</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary><c>"catalog".main."table"</c>.</summary>
    public static string Table(string catalog, string table) => $"{Identifier(catalog)}.main.{Identifier(table)}";
}
