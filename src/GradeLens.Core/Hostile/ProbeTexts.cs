using System.Text.RegularExpressions;

namespace GradeLens.Core.Hostile;

/// <summary>What in a message a user should never read: an exception's stack trace or type, or the database's own words.</summary>
internal static partial class ProbeTexts
{
    /// <summary>The database's own error classes and names (DuckDB's "Parser Error: ...", PostgreSQL's driver).</summary>
    private static readonly string[] _databaseWords =
    [
        "Parser Error", "Binder Error", "Conversion Error", "Invalid Input Error", "Catalog Error", "Constraint Error", "IO Error",
        "Out of Memory", "INTERNAL Error", "Not implemented Error", "Serialization Error", "TransactionContext Error", "Invalid Error",
        "Dependency Error", "Sequence Error", "Syntax Error", "Interrupt Error", "Fatal Error", "state machine", "sniffer", "sniffing",
        "Npgsql", "duckdb", "SQLSTATE", "The database said",
    ];

    /// <summary>The stack trace or exception name in <paramref name="text"/>, or null.</summary>
    public static string? StackTrace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains("   at ", StringComparison.Ordinal))
        {
            return Around(text, text.IndexOf("   at ", StringComparison.Ordinal));
        }

        return ExceptionName().Match(text) is { Success: true } match ? Around(text, match.Index) : null;
    }

    /// <summary>The database's own words in <paramref name="text"/>, or null.</summary>
    public static string? DatabaseText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var word in _databaseWords)
        {
            var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                return Around(text, at);
            }
        }

        return null;
    }

    private static string Around(string text, int at)
    {
        var start = Math.Max(0, at - 40);
        return text.Substring(start, Math.Min(text.Length - start, 160)).ReplaceLineEndings(" ");
    }

    [GeneratedRegex(@"\b\w*Exception\b")]
    private static partial Regex ExceptionName();
}
