using System.Globalization;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Reading;

namespace GradeLens.Core.Import.Staging;

/// <summary>
/// Rows after the end of a table — totals ("Total", "Moyenne"), notes and sources ("Source: MIS export, June") — found
/// among the last staged rows and left out, so they never become students. Only a block at the very end is removed,
/// and the report says where the table ended.
/// </summary>
internal static partial class TableFooter
{
    private const int LastRows = 60;

    public static async Task<string?> RemoveAsync(DuckDBConnection connection, SourceTable source, string name, CancellationToken cancellationToken)
    {
        // CAST: the quality import's typed read leaves number and date columns as they were read.
        var columns = Enumerable.Range(0, source.Headers.Count).Select(i => $"NULLIF(trim(CAST({Sql.Column(i)} AS VARCHAR)), '')").ToList();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT rowid, {string.Join(" + ", columns.Select(c => $"CASE WHEN {c} IS NULL THEN 0 ELSE 1 END"))}, COALESCE({string.Join(", ", columns)})
            FROM {name}_rows WHERE rowid >= (SELECT max(rowid) FROM {name}_rows) - {LastRows} ORDER BY rowid DESC
            """;
        var footer = new List<(long Row, string Text)>();
        var kept = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var text = reader.IsDBNull(2) ? "" : reader.GetString(2);
                if (!IsFooter(Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), text))
                {
                    kept++;
                    break;
                }

                footer.Add((reader.GetInt64(0), text));
            }
        }

        if (footer.Count == 0 || kept == 0)
        {
            return null;
        }

        await PreparedTable.ExecuteAsync(connection, $"DELETE FROM {name}_rows WHERE rowid >= {footer[^1].Row.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
        var first = footer[^1];
        var shown = first.Text.Length <= 50 ? first.Text : first.Text[..47] + "...";
        return $"The table ends before line {source.LineOf(first.Row)}: {footer.Count} row(s) after it (totals or notes, such as '{shown}') were left out.";
    }

    private static bool IsFooter(int filled, string first) =>
        FooterWord().IsMatch(first) || (filled == 1 && first.Length > 12 && first.Contains(' ', StringComparison.Ordinal));

    [GeneratedRegex(@"^\s*(total|totals|grand total|sub-?total|sum|average|mean|moyenne|somme|total général|source|sources|note|notes|المجموع|المتوسط)\b|^\s*\*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FooterWord();
}
