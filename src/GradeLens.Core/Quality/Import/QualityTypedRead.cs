using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Reading;
using GradeLens.Core.Import.Staging;

namespace GradeLens.Core.Quality.Import;

/// <summary>
/// The fast way in for a clean file: DuckDB's CSV reader types its number and date columns as it reads (DOUBLE, ISO
/// DATE), so the text is never staged, searched for date orders or parsed again in SQL. It is only an attempt: the
/// reader stops at the first value or line it cannot read as declared (a dd/mm/yyyy date, "85%", a field too many,
/// invalid UTF-8), and the file is then staged as text (<see cref="StagedTable"/>), where every reading the import
/// knows is tried and every bad value is reported with its line. A value read either way is the same value (an ISO
/// date, a plain number), so the way in never changes what is imported; measured 2026-12-02 on 11.3 million grades,
/// the typed read took 1.7 s where staging the text, its date orders and its typing took 11.9 s.
/// </summary>
internal static class QualityTypedRead
{
    /// <summary>The number and date columns that would be read typed (index to SQL type); none when the file has none or cannot take this way in.</summary>
    public static IReadOnlyDictionary<int, string> TypedColumns(SourceTable source, QualityRecognition recognition)
    {
        var typed = new Dictionary<int, string>();
        if (source.ShortLastField)
        {
            return typed; // a possibly cut last line is checked by the text staging
        }

        foreach (var group in recognition.Kind!.Columns.Where(c => recognition.Columns.ContainsKey(c.Column)).GroupBy(c => recognition.Columns[c.Column]))
        {
            var types = group.Select(c => TypeOf(c.Kind)).Distinct().ToList();
            if (types is [{ } type and not "VARCHAR"])
            {
                typed[group.Key] = type;
            }
        }

        return typed;
    }

    /// <summary>
    /// Reads the file into <c>stage_N_rows</c> with its typed columns (<see cref="TypedColumns"/>), the other columns as
    /// text; blank rows and a footer are removed as the text staging removes them, and <c>stage_N</c> numbers the rows
    /// the same way. Null when the file is not clean enough for it (nothing is left behind).
    /// </summary>
    public static async Task<StagedTable?> TryStageAsync(DuckDBConnection connection, SourceTable source, IReadOnlyDictionary<int, string> typed, int number, CancellationToken cancellationToken)
    {
        if (typed.Count == 0)
        {
            return null;
        }

        var name = "stage_" + number.ToString(CultureInfo.InvariantCulture);
        var columns = new StringBuilder();
        for (var i = 0; i < source.Headers.Count; i++)
        {
            columns.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"'{Sql.Column(i)}': '{typed.GetValueOrDefault(i, "VARCHAR")}'");
        }

        await QualityStagedFile.ExecuteAsync(connection, $"DROP VIEW IF EXISTS {name}; DROP TABLE IF EXISTS {name}_rows", cancellationToken);
        try
        {
            // Insertion order is preserved, so a row's rowid is its 0-based position among the file's data rows.
            await QualityStagedFile.ExecuteAsync(connection, $$"""
                CREATE TEMP TABLE {{name}}_rows AS SELECT * FROM read_csv({{Sql.Text(source.CsvPath)}}, header = true, auto_detect = false,
                    delim = {{Sql.Text(source.Delimiter.ToString())}}, quote = '"', escape = '"', columns = { {{columns}} }, encoding = 'utf-8')
                """, cancellationToken);
        }
        catch (DuckDBException)
        {
            await QualityStagedFile.ExecuteAsync(connection, $"DROP TABLE IF EXISTS {name}_rows", cancellationToken);
            return null;
        }

        ImportTrace.Mark("quality typed read");
        // A blank row has every typed column NULL: those tests come first and are cheap, the text's trims run on few rows.
        var blank = Enumerable.Range(0, source.Headers.Count).OrderBy(i => typed.ContainsKey(i) ? 0 : 1)
            .Select(i => typed.ContainsKey(i) ? $"{Sql.Column(i)} IS NULL" : $"NULLIF(trim({Sql.Column(i)}), '') IS NULL");
        await QualityStagedFile.ExecuteAsync(connection, $"DELETE FROM {name}_rows WHERE {string.Join(" AND ", blank)}", cancellationToken);
        var footer = await TableFooter.RemoveAsync(connection, source, name, cancellationToken);
        await QualityStagedFile.ExecuteAsync(connection, $"CREATE OR REPLACE TEMP VIEW {name} AS SELECT rowid AS row_index, * FROM {name}_rows", cancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM {name}_rows";
        var rows = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return new StagedTable(source, name, rows, []) { Notes = footer is null ? [] : [footer] };
    }

    private static string TypeOf(QualityValueKind kind) => kind switch
    {
        QualityValueKind.Number or QualityValueKind.WholeNumber => "DOUBLE",
        QualityValueKind.Date => "DATE",
        _ => "VARCHAR",
    };
}
