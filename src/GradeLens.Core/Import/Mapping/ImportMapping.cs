using System.Text.Json;
using System.Text.Json.Serialization;

namespace GradeLens.Core.Import.Mapping;

/// <summary>Whether a file holds student results or area (state, county, zip) figures.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TableKind>))]
public enum TableKind
{
    Students,
    Areas,
}

/// <summary>How sure inference is of a column's role. Low stops the import with a question instead of a guess.</summary>
public enum Confidence
{
    High,
    Medium,
    Low,
}

/// <summary>
/// How one source column maps to the canonical model. Inferred from headers and values, printed,
/// and saved/reused as JSON (<c>--save-mapping</c>, <c>--mapping</c>).
/// </summary>
public sealed record ColumnMapping
{
    /// <summary>The header exactly as it is in the file.</summary>
    public required string Header { get; init; }

    public required ColumnRole Role { get; init; }

    /// <summary>Fixed subject of a wide score/baseline column ("math score" -> Mathematics).</summary>
    public string? Subject { get; init; }

    /// <summary>Fixed series of a wide score column ("G1", "Mock 2").</summary>
    public string? Series { get; init; }

    /// <summary>Fixed domain of a wide score column.</summary>
    public string? Domain { get; init; }

    /// <summary>Fixed grade level of a wide area-score column.</summary>
    public string? GradeLevel { get; init; }

    /// <summary>Declared grade scale id (see <c>GradeScales</c>); null = detect from the values.</summary>
    public string? Scale { get; init; }

    /// <summary>Declared maximum score; null = the scale's maximum.</summary>
    public double? MaxScore { get; init; }

    /// <summary>Raw values that mean "missing" in this column (e.g. "0" for a dropped-out G3). Declared, never guessed.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>Area level for <see cref="ColumnRole.Area"/> columns: state, county, zip, district...</summary>
    public string? AreaLevel { get; init; }

    /// <summary>Name of the measure for <see cref="ColumnRole.Measure"/>; null = the header.</summary>
    public string? Measure { get; init; }

    /// <summary>For <see cref="ColumnRole.Derived"/>: a check "SERIES_A - SERIES_B" verified on every row.</summary>
    public string? Rule { get; init; }

    /// <summary>How the role was found: "synonym", "fuzzy (distance 1)", "values", "mapping file"...</summary>
    public string? MatchedBy { get; init; }

    /// <summary>How sure inference is of the role (null in a mapping written by hand: the user is sure).</summary>
    public Confidence? Confidence { get; init; }

    /// <summary>What the role was decided from, in words ("numbers 12 to 98, 87 distinct: they vary like scores").</summary>
    public string? Evidence { get; init; }

    /// <summary>
    /// The decimal separator of a score column's numbers: "." or ",". Null = decided from the whole column; asked for when
    /// the column cannot tell ("1,011": one and eleven thousandths, or a thousand and eleven?).
    /// </summary>
    public string? DecimalSeparator { get; init; }

    /// <summary>Values that mean the same, merged to one spelling ("male" -> "M"); inferred ones are listed so they can be edited.</summary>
    public IReadOnlyDictionary<string, string>? Values { get; init; }
}

/// <summary>A whole file's mapping.</summary>
public sealed record ImportMapping
{
    public int Version { get; init; } = 1;

    public TableKind Kind { get; init; } = TableKind.Students;

    /// <summary>Sheet of an .xlsx workbook; null = every sheet with the same mapping.</summary>
    public string? Sheet { get; init; }

    public required IReadOnlyList<ColumnMapping> Columns { get; init; }

    /// <summary>Subject for score columns with none (a single-subject file).</summary>
    public string? DefaultSubject { get; init; }

    /// <summary>Series for score columns with none (a single-series file). Defaults to "Final".</summary>
    public string? DefaultSeries { get; init; }

    /// <summary>Grade level for area scores with none.</summary>
    public string? DefaultGradeLevel { get; init; }

    /// <summary>Year for area rows with none.</summary>
    public int? DefaultYear { get; init; }

    /// <summary>Series names that hold expected grades in a long file (e.g. "BASELINE").</summary>
    public IReadOnlyList<string> BaselineSeries { get; init; } = [];

    /// <summary>The header's row (1-based, as the sheet numbers it); null = found below any title or notes.</summary>
    public int? HeaderRow { get; init; }

    /// <summary>Rows to skip above the header (another way to say <see cref="HeaderRow"/>).</summary>
    public int? SkipRows { get; init; }

    /// <summary>The table's cells, "B3:H200" (or "B3:H" to the last row): the header on the first row.</summary>
    public string? Range { get; init; }

    /// <summary>
    /// The columns (headers) that identify a row's unit when it is not the student alone: a student in a course, module or
    /// presentation (an enrolment). Attributes that vary between a student's enrolments are kept per enrolment.
    /// </summary>
    public IReadOnlyList<string>? Key { get; init; }

    /// <summary>A long file (a row per result) with no student id: true when each row really is a different student.</summary>
    public bool? IndependentRows { get; init; }

    /// <summary>Where the table is, for the reader.</summary>
    public Reading.TableLayout Layout() => new(HeaderRow, SkipRows, Range);

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>
    /// Reads a mapping; its settings may be spelt as saved (camelCase: "headerRow") or as the messages write them
    /// (snake_case: "header_row", "default_subject", "decimal_separator"). The keys of a column's "values" are data and stay as written.
    /// </summary>
    public static ImportMapping FromJson(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (node is System.Text.Json.Nodes.JsonObject root)
        {
            Camel(root);
            if (root["columns"] is System.Text.Json.Nodes.JsonArray columns)
            {
                foreach (var column in columns.OfType<System.Text.Json.Nodes.JsonObject>())
                {
                    Camel(column);
                }
            }
        }

        return node?.Deserialize<ImportMapping>(JsonOptions) ?? throw new JsonException("The mapping file is empty.");
    }

    private static void Camel(System.Text.Json.Nodes.JsonObject node)
    {
        foreach (var name in node.Select(p => p.Key).Where(k => k.Contains('_', StringComparison.Ordinal)).ToList())
        {
            var parts = name.Split('_', StringSplitOptions.RemoveEmptyEntries);
            var camel = parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
            if (!node.ContainsKey(camel))
            {
                var value = node[name];
                node.Remove(name);
                node[camel] = value;
            }
        }
    }
}
