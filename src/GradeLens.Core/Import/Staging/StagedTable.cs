using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Reading;

namespace GradeLens.Core.Import.Staging;

/// <summary>
/// A source table copied into a DuckDB temp table <c>stage_N</c>: one VARCHAR column per source column
/// (<c>c0..</c>) plus <c>row_index</c>, the 0-based data row. Lines the CSV reader could not parse
/// (wrong field count, unterminated quote) are kept aside with their exact line numbers.
/// </summary>
internal sealed class StagedTable
{
    private readonly long[] _rejectedLines;

    internal StagedTable(SourceTable source, string name, long rows, IReadOnlyList<RejectedRow> malformed)
    {
        Source = source;
        Name = name;
        Rows = rows;
        Malformed = malformed;
        _rejectedLines = malformed.Select(r => r.Line).Order().ToArray();
    }

    /// <summary>
    /// Checks of this table beyond the mapping's (a cut last line, orphans of related tables...): SQL selecting
    /// (row_index, header, value, reason), added to the table's rejected rows.
    /// </summary>
    public List<string> ExtraChecks { get; } = [];

    /// <summary>SQL true for rows an extra check already rejects as a whole (a result joined to no assessment), or null.</summary>
    public string? Unmatched { get; init; }

    /// <summary>Roles known before inference (the join columns of related tables); inference fills in the rest.</summary>
    public MappingHints Hints { get; init; } = MappingHints.None;

    public SourceTable Source { get; }

    /// <summary>The temp table's name.</summary>
    public string Name { get; }

    public long Rows { get; }

    /// <summary>What staging noticed (rows after the table left out), for the health report.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Lines the CSV reader rejected.</summary>
    public IReadOnlyList<RejectedRow> Malformed { get; }

    /// <summary>Columns holding invisible characters (byte-order marks, zero-width spaces) that their values lose.</summary>
    public IReadOnlySet<int> Invisible { get; internal set; } = new HashSet<int>();

    /// <summary>Per column, values merged to another spelling ("male" -> "M"; see <c>ValueSynonyms</c>).</summary>
    public IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>> Synonyms { get; internal set; } = new Dictionary<int, IReadOnlyDictionary<string, string>>();

    /// <summary>Every column's facts for the health report, once counted (in the value checks' scan), or null.</summary>
    public StageFacts? Facts { get; internal set; }

    /// <summary>The SQL of column <paramref name="index"/>'s value: trimmed, blank as NULL, without invisible characters, merged spellings merged.</summary>
    public string Value(int index)
    {
        var value = Invisible.Contains(index)
            ? $"NULLIF(trim(regexp_replace({Sql.Column(index)}, '{ValueChecks.InvisiblePattern}', '', 'g')), '')"
            : $"NULLIF(trim({Sql.Column(index)}), '')";
        return Synonyms.TryGetValue(index, out var merges) && merges.Count > 0
            ? $"(CASE {value} {string.Join(" ", merges.Select(m => $"WHEN {Sql.Text(m.Key.Trim())} THEN {Sql.Text(m.Value)}"))} ELSE {value} END)"
            : value;
    }

    /// <summary>The line in the user's file of the data row <paramref name="rowIndex"/>, skipping malformed lines before it.</summary>
    public long LineOf(long rowIndex)
    {
        var line = Source.LineOf(rowIndex);
        foreach (var rejected in _rejectedLines)
        {
            if (rejected > line)
            {
                break;
            }

            line++;
        }

        return line;
    }

    public static async Task<StagedTable> CreateAsync(DuckDBConnection connection, SourceTable source, int number, CancellationToken cancellationToken)
    {
        var name = "stage_" + number.ToString(CultureInfo.InvariantCulture);
        var columns = new StringBuilder();
        for (var i = 0; i < source.Headers.Count; i++)
        {
            columns.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"'{Sql.Column(i)}': 'VARCHAR'");
        }

        var reader = $$"""
            read_csv({{Sql.Text(source.CsvPath)}}, header = true, auto_detect = false, delim = {{Sql.Text(source.Delimiter.ToString())}},
                     quote = '"', escape = '"', columns = { {{columns}} }, encoding = 'utf-8',
                     ignore_errors = true, store_rejects = true, rejects_table = '{{name}}_errors', rejects_scan = '{{name}}_scans')
            """;
        await PreparedTable.ExecuteAsync(connection, $"DROP TABLE IF EXISTS {name}_rows; DROP TABLE IF EXISTS {name}_errors; DROP TABLE IF EXISTS {name}_scans", cancellationToken);

        // Insertion order is preserved, so a row's rowid is its 0-based position among the file's data rows.
        await PreparedTable.ExecuteAsync(connection, $"CREATE TEMP TABLE {name}_rows AS SELECT * FROM {reader}", cancellationToken);
        ImportTrace.Mark("read");
        // Rows with every field empty (blank spreadsheet rows) carry nothing: removed once; the others keep their rowid.
        var blank = string.Join(" AND ", Enumerable.Range(0, source.Headers.Count).Select(i => $"NULLIF(trim({Sql.Column(i)}), '') IS NULL"));
        await PreparedTable.ExecuteAsync(connection, $"DELETE FROM {name}_rows WHERE {blank}", cancellationToken);
        ImportTrace.Mark("blank rows");
        var footer = await TableFooter.RemoveAsync(connection, source, name, cancellationToken);
        await PreparedTable.ExecuteAsync(connection, $"CREATE OR REPLACE TEMP VIEW {name} AS SELECT rowid AS row_index, * FROM {name}_rows", cancellationToken);
        var malformed = await ReadMalformedAsync(connection, source, name, cancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM {name}_rows";
        var rows = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        var staged = new StagedTable(source, name, rows, malformed) { Notes = footer is null ? [] : [footer] };
        var lastRow = rows == 0 ? -1 : await LastRowAsync(connection, name, cancellationToken);
        if (source.ShortLastField && lastRow >= 0 && footer is null && malformed.All(m => m.Line < staged.LineOf(lastRow)))
        {
            staged.ExtraChecks.Add($"""
                SELECT row_index, {Sql.Text(source.Headers[^1])}, {Sql.Column(source.Headers.Count - 1)},
                       'the file ends inside this line (no line end after it) and its last value is shorter than that column''s others: the file may have been cut off. Add the line end if the value is complete'
                FROM {name} WHERE row_index = {lastRow.ToString(CultureInfo.InvariantCulture)}
                """);
        }

        return staged;
    }

    private static async Task<long> LastRowAsync(DuckDBConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT max(rowid) FROM {name}_rows";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<RejectedRow>> ReadMalformedAsync(DuckDBConnection connection, SourceTable source, string name, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT line, column_name, error_type, csv_line FROM {name}_errors ORDER BY line";
        var rows = new List<RejectedRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var line = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            var error = reader.IsDBNull(2) ? "unreadable line" : reader.GetValue(2).ToString() ?? "";
            rows.Add(new RejectedRow(source.DisplayName, line, null, null, Describe(error, source.Headers.Count)));
        }

        return rows;
    }

    private static string Describe(string errorType, int headerCount) => errorType.ToUpperInvariant() switch
    {
        "TOO MANY COLUMNS" => $"the line has more fields than the {headerCount} columns of the header",
        "MISSING COLUMNS" => $"the line has fewer fields than the {headerCount} columns of the header",
        "UNQUOTED VALUE" or "UNTERMINATED QUOTE" => "a quoted field is not closed (the file may be truncated)",
        "INVALID UNICODE" => "the line is not valid text in the file's encoding",
        "LINE SIZE OVER MAXIMUM" => "the line is too long to be a table row",
        _ => "the line cannot be read as a row of the table (" + errorType.ToLowerInvariant() + ")",
    };
}
