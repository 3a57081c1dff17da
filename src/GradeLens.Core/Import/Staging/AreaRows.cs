using DuckDB.NET.Data;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import.Staging;

/// <summary>
/// An areas table (state, county, zip figures): the finest area column names the area, coarser ones its
/// parent; measure and average-score columns become tidy rows. Validates into <c>bad_N</c> and writes
/// areas, area_measures and area_scores.
/// </summary>
internal sealed class AreaRows(StagedTable table, ImportMapping mapping, string suffix)
{
    private static readonly string[] LevelsFinestFirst = ["zip", "postcode", "school", "district", "county", "city", "region", "state", "province", "country"];

    private string View => "arealong_" + suffix;

    private IReadOnlyList<(int Index, ColumnMapping Column)> AreaColumns =>
        mapping.Columns.Select((c, i) => (i, c)).Where(x => x.c.Role == ColumnRole.Area)
            .OrderBy(x => Rank(x.c.AreaLevel)).ToList();

    public async Task<TableHealth> PrepareAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var areas = AreaColumns;
        if (areas.Count == 0)
        {
            throw new MappingMismatchException($"{table.Source.DisplayName}: an areas file needs a column naming the area (state, county, zip...). Nothing was imported.");
        }

        await PreparedTable.ExecuteAsync(connection, ViewSql(areas), cancellationToken);
        await PreparedTable.ExecuteAsync(connection, ValidationSql(areas[0].Column.Header), cancellationToken);
        return await HealthAsync(connection, areas, cancellationToken);
    }

    private string ViewSql(IReadOnlyList<(int Index, ColumnMapping Column)> areas)
    {
        string Field(ColumnRole role) =>
            mapping.Columns.Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Role == role) is { c: not null } hit
                ? $"NULLIF(trim({Sql.Column(hit.i)}), '')" : "NULL::VARCHAR";
        var parents = areas.Skip(1).Select(a => $"NULLIF(trim({Sql.Column(a.Index)}), '')").ToList();
        var parent = parents.Count == 0 ? "''" : $"COALESCE(concat_ws(', ', {string.Join(", ", parents)}), '')";
        var year = mapping.DefaultYear is { } y ? $"COALESCE({Field(ColumnRole.Year)}, '{y}')" : Field(ColumnRole.Year);
        var cells = mapping.Columns.Select((c, i) => (c, i)).Where(x => x.c.Role is ColumnRole.Measure or ColumnRole.AreaScore)
            .Select(x => $"{{'header': {Sql.Text(x.c.Header)}, 'is_score': {(x.c.Role == ColumnRole.AreaScore ? "true" : "false")}, " +
                         $"'measure': {Sql.Text(x.c.Measure ?? x.c.Header)}, 'subject': {Sql.Text(x.c.Subject)}::VARCHAR, " +
                         $"'grade': {Sql.Text(x.c.GradeLevel)}::VARCHAR, 'raw': NULLIF(trim({Sql.Column(x.i)}), '')}}")
            .DefaultIfEmpty("{'header': NULL::VARCHAR, 'is_score': false, 'measure': NULL::VARCHAR, 'subject': NULL::VARCHAR, 'grade': NULL::VARCHAR, 'raw': NULL::VARCHAR}");
        return $"""
            CREATE OR REPLACE TEMP VIEW {View} AS
            SELECT row_index, {Sql.Text(areas[0].Column.AreaLevel ?? "area")} AS level,
                   NULLIF(trim({Sql.Column(areas[0].Index)}), '') AS name, {parent} AS parent, {Field(ColumnRole.AreaCode)} AS code,
                   year_raw, TRY_CAST(year_raw AS INTEGER) AS year, u.header, u.is_score, u.measure,
                   COALESCE(u.subject, {Field(ColumnRole.Subject)}) AS subject,
                   COALESCE(u.grade, {Field(ColumnRole.GradeLevel)}, {Sql.Text(mapping.DefaultGradeLevel)}) AS grade_level,
                   u.raw, COALESCE(TRY_CAST(u.raw AS DOUBLE), TRY_CAST(replace(u.raw, ',', '.') AS DOUBLE)) AS value
            FROM (SELECT *, {year} AS year_raw, UNNEST([{string.Join(", ", cells)}]) AS u FROM {table.Name})
            """;
    }

    private string ValidationSql(string areaHeader) => $"""
        CREATE OR REPLACE TEMP TABLE bad_{suffix} AS
        SELECT DISTINCT row_index, {Sql.Text(areaHeader)} AS header, NULL AS value, 'the area name is empty' AS reason FROM {View} WHERE name IS NULL
        UNION ALL SELECT row_index, header, raw, 'not a number' FROM {View} WHERE raw IS NOT NULL AND value IS NULL
        UNION ALL SELECT DISTINCT row_index, 'year', year_raw, 'not a year' FROM {View} WHERE year_raw IS NOT NULL AND year IS NULL
        UNION ALL SELECT row_index, header, raw, 'no year for this figure (add a year column or default_year to the mapping)' FROM {View} WHERE value IS NOT NULL AND year_raw IS NULL
        UNION ALL SELECT row_index, header, raw, 'no subject or grade for this average score' FROM {View} WHERE is_score AND value IS NOT NULL AND (subject IS NULL OR grade_level IS NULL)
        UNION ALL SELECT row_index, header, raw, 'the same area, year and figure already has the value ' || first_raw || ' earlier in the file'
        FROM (SELECT row_index, header, raw, value, first_value(raw) OVER w AS first_raw, first_value(row_index) OVER w AS first_row
              FROM {View} WHERE value IS NOT NULL
              WINDOW w AS (PARTITION BY level, name, parent, year, is_score, measure, subject, grade_level ORDER BY row_index))
        WHERE row_index <> first_row AND raw <> first_raw
        """;

    private async Task<TableHealth> HealthAsync(DuckDBConnection connection, IReadOnlyList<(int Index, ColumnMapping Column)> areas, CancellationToken cancellationToken)
    {
        var notes = new List<string>([.. table.Source.Notes, .. table.Notes]);
        foreach (var (index, column) in areas.Skip(1))
        {
            var missing = await ColumnFacts.ScalarAsync(connection, $"SELECT count(*) FROM {table.Name} WHERE NULLIF(trim({Sql.Column(index)}), '') IS NULL", cancellationToken);
            if (missing > 0)
            {
                notes.Add($"{missing} row(s) have no {column.AreaLevel ?? column.Header} ('{column.Header}' is empty); they are stored with the levels they have.");
            }
        }

        var leadingZeros = await ColumnFacts.ScalarAsync(connection, $"SELECT count(*) FROM {View} WHERE name LIKE '0%'", cancellationToken);
        if (leadingZeros > 0)
        {
            notes.Add($"{leadingZeros} area code(s) start with 0 ('{areas[0].Column.Header}'); they are kept as text, leading zeros included.");
        }

        var missingFigures = await ColumnFacts.CountsByKeyAsync(connection, $"SELECT header, count(*) FILTER (WHERE raw IS NULL) FROM {View} WHERE header IS NOT NULL GROUP BY 1 HAVING count(*) FILTER (WHERE raw IS NULL) > 0", cancellationToken);
        notes.AddRange(missingFigures.Select(m => $"'{m.Key}': {m.Value} empty value(s) (blank or a single space), treated as missing."));

        var columns = await ColumnFacts.ComputeAsync(connection, table, mapping, c => (c.Role switch
        {
            ColumnRole.Area => "area level " + (c.AreaLevel ?? "area"),
            ColumnRole.Measure => "measure '" + (c.Measure ?? c.Header) + "'",
            ColumnRole.AreaScore => "average score" + (c.Subject is null ? "" : " " + c.Subject) + (c.GradeLevel is null ? "" : " grade " + c.GradeLevel),
            _ => null,
        }, null, 0, 0), cancellationToken);
        var count = await ColumnFacts.ScalarAsync(connection, $"SELECT count(DISTINCT (level, name, parent)) FROM {View}", cancellationToken);
        var subjects = await ColumnFacts.ListAsync(connection, $"SELECT DISTINCT subject FROM {View} WHERE is_score AND subject IS NOT NULL ORDER BY 1", cancellationToken);
        var years = await ColumnFacts.ListAsync(connection, $"SELECT DISTINCT year FROM {View} WHERE year IS NOT NULL ORDER BY 1", cancellationToken);
        notes.Add($"{count} distinct area(s) at level '{areas[0].Column.AreaLevel ?? "area"}'; years: {(years.Count == 0 ? "none" : string.Join(", ", years))}.");
        return new TableHealth(table.Source.DisplayName, table.Source.Sheet, TableKind.Areas, table.Source.Encoding, table.Source.Delimiter,
            "areas (a row per area and year)", table.Rows, 0, subjects, [], columns,
            mapping.Columns.Where(c => c.Role == ColumnRole.Ignore).Select(c => c.Header).ToList(), 0, notes, mapping)
        {
            Format = table.Source.Format,
            Figures = await ColumnFacts.ScalarAsync(connection, $"SELECT count(*) FROM {View} WHERE value IS NOT NULL", cancellationToken),
        };
    }

    /// <summary>What this table writes, whichever store takes it.</summary>
    public Writing.AreaWriteSet WriteSet => new(View, suffix, table.Source.DisplayName);

    /// <summary>Upserts the write set into a DuckDB store (its tables live in the same connection), inside the caller's transaction.</summary>
    public static async Task<WriteCounts> WriteAsync(DuckDBConnection connection, Writing.AreaWriteSet set, string organisation, long importId, CancellationToken cancellationToken)
    {
        await PreparedTable.ExecuteAsync(connection, Writing.AreaUpsert.WriteSql(set.Suffix, set.Areas, set.Figures, Sql.Text(organisation), Sql.Text(set.Source), "CREATE OR REPLACE TEMP TABLE", importId), cancellationToken);
        var written = await ColumnFacts.ScalarAsync(connection, Writing.AreaUpsert.CountSql(set.Suffix), cancellationToken);
        await using var list = connection.CreateCommand();
        list.CommandText = Writing.AreaUpsert.ListSql(set.Suffix, Writing.ChangeList.Listed);
        var (changes, total) = await Writing.ChangeList.ReadAsync(list, cancellationToken);
        return WriteCounts.None with { AreaRowsWritten = written, Changes = changes, ChangesTotal = total };
    }

    private static int Rank(string? level)
    {
        var index = Array.IndexOf(LevelsFinestFirst, (level ?? "").Trim().ToLowerInvariant());
        return index < 0 ? LevelsFinestFirst.Length : index;
    }
}
