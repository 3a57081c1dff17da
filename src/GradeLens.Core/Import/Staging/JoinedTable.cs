using DuckDB.NET.Data;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Import.Reading;
using static GradeLens.Core.Import.Staging.RelatedTables;

namespace GradeLens.Core.Import.Staging;

/// <summary>
/// The results table with the tables it refers to joined in, built as one staged table <c>stage_jN</c> whose rows are
/// the results' rows (so every rejected row keeps its line in the results file). Each joined table adds its other columns
/// and the roles its join gives: a students table names the id (and, when joined on more, the enrolment key); an
/// assessments table names each result's subject (module), series (name, or type and order), date, weight and maximum.
/// </summary>
internal sealed class JoinedTable(StagedTable fact, ImportMapping factMapping)
{
    private readonly List<string> _columns = [.. Enumerable.Range(0, fact.Source.Headers.Count).Select(i => "f." + Sql.Column(i))];
    private readonly List<string> _joins = [];
    private readonly List<(string Alias, int Fact, string File, string Header)> _orphans = [];
    private readonly Dictionary<string, ColumnMapping> _roles = [];
    private readonly List<string> _key = [];

    public List<string> Headers { get; } = [.. fact.Source.Headers];

    /// <summary>The results table's own columns besides ids and scores (a submission date, a flag) describe each result, not its student.</summary>
    private Dictionary<string, ColumnMapping> ResultColumns() => factMapping.Columns
        .Where(c => c.Role == ColumnRole.Attribute)
        .ToDictionary(c => c.Header, c => c with { Role = ColumnRole.Ignore, Confidence = Confidence.High, Evidence = "describes each result, not its student: not stored" });

    public int Dimensions => _joins.Count;

    public bool IsScore(int column) => column < factMapping.Columns.Count && factMapping.Columns[column].Role is ColumnRole.Score or ColumnRole.Baseline;

    /// <summary>Share of a fact column's distinct values that <paramref name="dimension"/>'s column holds.</summary>
    public async Task<double> OverlapAsync(DuckDBConnection connection, int column, StagedTable dimension, int dimensionColumn, CancellationToken cancellationToken)
    {
        if (column >= fact.Source.Headers.Count)
        {
            return 0;
        }

        var sql = $"""
            SELECT CASE WHEN count(*) = 0 THEN 0 ELSE (100 * count(d.v) / count(*))::BIGINT END
            FROM (SELECT DISTINCT {fact.Value(column)} AS v FROM {fact.Name} WHERE {fact.Value(column)} IS NOT NULL) f
            LEFT JOIN (SELECT DISTINCT {dimension.Value(dimensionColumn)} AS v FROM {dimension.Name}) d USING (v)
            """;
        return await ColumnFacts.ScalarAsync(connection, sql, cancellationToken) / 100.0;
    }

    /// <summary>Joins <paramref name="dimension"/> on <paramref name="on"/>; returns the report's sentence about it.</summary>
    public async Task<string> AddAsync(DuckDBConnection connection, StagedTable dimension, ImportMapping mapping, IReadOnlyList<(int Fact, int Dimension)> on, CancellationToken cancellationToken)
    {
        var alias = "d" + Number(_joins.Count);
        var headers = dimension.Source.Headers;
        var condition = string.Join(" AND ", on.Select(o => $"NULLIF(trim({_columns[o.Fact]}), '') = NULLIF(trim({alias}.{Sql.Column(o.Dimension)}), '')"));
        var roles = RelatedRoles.Of(dimension, mapping, on.Select(o => o.Dimension).ToList());
        var series = roles.SeriesSql(alias);
        _joins.Add($"LEFT JOIN (SELECT rowid AS m, *{(series is null ? "" : $", {series} AS series_made")} FROM {dimension.Name}_rows) {alias} ON {condition}");
        var names = string.Join(", ", on.Select(o => $"'{Headers[o.Fact]}'"));
        _orphans.Add((alias, on[0].Fact, dimension.Source.DisplayName, string.Join(", ", on.Select(o => headers[o.Dimension]))));

        for (var d = 0; d < headers.Count; d++)
        {
            if (on.Any(o => o.Dimension == d))
            {
                continue;
            }

            var header = Headers.Contains(headers[d], StringComparer.OrdinalIgnoreCase) ? $"{headers[d]} ({dimension.Source.DisplayName})" : headers[d];
            Headers.Add(header);
            _columns.Add($"{alias}.{Sql.Column(d)}");
            if (roles.Roles.TryGetValue(d, out var role))
            {
                _roles[header] = role with { Header = header };
            }
        }

        if (series is not null)
        {
            var header = "series (" + dimension.Source.DisplayName + ")";
            Headers.Add(header);
            _columns.Add($"{alias}.series_made");
            _roles[header] = new ColumnMapping { Header = header, Role = ColumnRole.Series, MatchedBy = "related tables", Confidence = Confidence.High, Evidence = roles.SeriesEvidence };
        }

        if (roles.IsStudents)
        {
            var id = on.FirstOrDefault(o => RelatedRoles.NamesStudent(headers[o.Dimension]) || mapping.Columns[o.Dimension].Role == ColumnRole.StudentId);
            id = on.Contains(id) ? id : on[0];
            _roles[Headers[id.Fact]] = new ColumnMapping { Header = Headers[id.Fact], Role = ColumnRole.StudentId, MatchedBy = "related tables", Confidence = Confidence.High, Evidence = $"joins {dimension.Source.DisplayName}" };
            _key.AddRange(on.Where(o => o != id).Select(o => Headers[o.Fact]).Where(h => !_key.Contains(h)));
        }
        else
        {
            foreach (var o in on.Where(o => !_roles.ContainsKey(Headers[o.Fact])))
            {
                _roles[Headers[o.Fact]] = new ColumnMapping { Header = Headers[o.Fact], Role = ColumnRole.Ignore, MatchedBy = "related tables", Confidence = Confidence.High, Evidence = $"joins {dimension.Source.DisplayName}" };
            }
        }

        var unused = await ColumnFacts.ScalarAsync(connection, $"""
            SELECT count(*) FROM {dimension.Name}_rows {alias}
            WHERE NOT EXISTS (SELECT 1 FROM {fact.Name}_rows f WHERE {condition})
            """, cancellationToken);
        return $"{fact.Source.DisplayName} joined with {dimension.Source.DisplayName} on {names} ({(roles.IsStudents ? "its students" : "its assessments")})" +
               (unused == 0 ? "." : $"; {unused} row(s) of {dimension.Source.DisplayName} have no result and are not imported.");
    }

    /// <summary>Creates <c>stage_jN</c> (rows in the results' order, <c>row_index</c> their row in the results file) and its checks.</summary>
    public async Task<StagedTable> CreateAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var name = "stage_j" + fact.Name["stage_".Length..];
        var matched = string.Join("", _orphans.Select(o => $", {o.Alias}.m AS matched_{o.Alias}"));
        await PreparedTable.ExecuteAsync(connection, $"""
            CREATE OR REPLACE TEMP TABLE {name}_rows AS
            SELECT f.rowid AS source_row, {string.Join(", ", _columns.Select((c, i) => $"{c} AS {Sql.Column(i)}"))}{matched}
            FROM {fact.Name}_rows f {string.Join(" ", _joins)}
            ORDER BY f.rowid;
            CREATE OR REPLACE TEMP VIEW {name} AS SELECT source_row AS row_index, * EXCLUDE (source_row) FROM {name}_rows;
            """, cancellationToken);
        var source = fact.Source with
        {
            DisplayName = fact.Source.DisplayName,
            Headers = Headers,
            IsTemporary = false,
            Notes = [.. fact.Source.Notes, $"Related tables joined into one: {string.Join(", ", _orphans.Select(o => o.File).Prepend(fact.Source.DisplayName))}."],
        };
        var roles = ResultColumns();
        foreach (var (header, role) in _roles)
        {
            roles[header] = role;
        }

        var table = new StagedTable(source, name, fact.Rows, fact.Malformed)
        {
            Notes = fact.Notes,
            Hints = new MappingHints(roles, _key),
            Unmatched = string.Join(" OR ", _orphans.Select(o => $"matched_{o.Alias} IS NULL")),
        };
        table.ExtraChecks.AddRange(fact.ExtraChecks);
        foreach (var (alias, column, file, header) in _orphans)
        {
            table.ExtraChecks.Add($"""
                SELECT row_index, {Sql.Text(Headers[column])}, {Sql.Column(column)}, {Sql.Text($"no row of {file} has this {header}: the result's ")} ||
                       {Sql.Text(RelatedRoles.NamesStudent(header) ? "student" : "assessment")} || ' is in no file'
                FROM {name} WHERE matched_{alias} IS NULL AND NULLIF(trim({Sql.Column(column)}), '') IS NOT NULL
                """);
        }

        return table;
    }
}
