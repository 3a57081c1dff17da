using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace GradeLens.Core.Import.Staging;

/// <summary>Writes skipped rows to a CSV: file, line, reasons, then the row's original fields.</summary>
internal static class RejectFileWriter
{
    public static async Task WriteAsync(DuckDBConnection connection, IReadOnlyList<PreparedTable> tables, string path, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync("file,line,reason,fields");
        foreach (var table in tables)
        {
            foreach (var malformed in table.Table.Malformed)
            {
                await writer.WriteLineAsync(Row(malformed.File, malformed.Line, malformed.Reason, ""));
            }

            var columns = string.Join(" || ',' || ", Enumerable.Range(0, table.Table.Source.Headers.Count).Select(i => $"COALESCE(s.{Sql.Column(i)}, '')"));
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT b.row_index, string_agg(COALESCE(b.header || ': ', '') || b.reason, '; '), any_value({columns})
                FROM bad_{table.Suffix} b JOIN {table.Table.Name} s USING (row_index) GROUP BY b.row_index ORDER BY b.row_index
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                await writer.WriteLineAsync(Row(table.Table.Source.DisplayName, table.Table.LineOf(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2)));
            }
        }
    }

    private static string Row(string file, long line, string reason, string fields) =>
        string.Join(',', Quote(file), line.ToString(CultureInfo.InvariantCulture), Quote(reason), Quote(fields));

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
