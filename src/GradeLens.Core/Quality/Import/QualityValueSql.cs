namespace GradeLens.Core.Quality.Import;

/// <summary>Day and month order of dates written d/m/y or m/d/y.</summary>
public enum DateOrder
{
    DayMonth,
    MonthDay,
}

/// <summary>
/// DuckDB expressions that read a staged text column (the import stages every value as VARCHAR) as its kind; NULL
/// when the text is not one. The same text is the rejection's test: a value that is there but reads as NULL is rejected.
/// </summary>
internal static class QualityValueSql
{
    /// <summary>d/m/y, d.m.y or d-m-y with a 2- or 4-digit year, optionally followed by a time.</summary>
    public const string SlashPattern = "^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4}|[0-9]{2})([ T].*)?$";

    private const string IsoPattern = "^([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})([ T].*)?$";

    /// <summary>An Excel serial day number (1927-2173), with or without a time fraction.</summary>
    private const string SerialPattern = "^[0-9]{5}([.][0-9]+)?$";

    /// <summary>
    /// The first step of reading a text column as its kind (a date parsed, a number cast...); <see cref="Checked"/> is the
    /// second, over the first's result by name (so each expression is computed once).
    /// </summary>
    public static string Parsed(QualityValueKind kind, string column, DateOrder order) => kind switch
    {
        // "42.0" is 42: the expression only runs where there is a point (most identifiers have none, and it is per row).
        QualityValueKind.Identifier =>
            $"CASE WHEN {Untrimmable(column)} AND NOT contains({column}, '.') THEN {column} " +
            $"ELSE NULLIF(CASE WHEN contains({column}, '.') THEN regexp_replace(trim({column}), '^([+-]?[0-9]+)[.]0*$', '\\1') ELSE trim({column}) END, '') END",
        QualityValueKind.Text => Trimmed(column),
        QualityValueKind.Date => Date(column, order),
        QualityValueKind.Number or QualityValueKind.WholeNumber => $"TRY_CAST(replace(rtrim(trim({column}), '%'), ',', '.') AS DOUBLE)",
        QualityValueKind.YesNo => $"""
            CASE WHEN lower(trim({column})) IN ('1', 'yes', 'y', 'true', 't', 'upheld', 'oui', 'o', 'vrai') THEN TRUE
                 WHEN lower(trim({column})) IN ('0', 'no', 'n', 'false', 'f', 'not upheld', 'non', 'faux') THEN FALSE END
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a value kind"),
    };

    /// <summary>The parsed value if it is one of its kind (a plausible date, a finite number, a whole number), else NULL.</summary>
    public static string Checked(QualityValueKind kind, string parsed) => kind switch
    {
        QualityValueKind.Date => $"CASE WHEN {parsed} BETWEEN DATE '1900-01-01' AND DATE '2199-12-31' THEN {parsed} END",
        QualityValueKind.Number => $"CASE WHEN isfinite({parsed}) THEN {parsed} END",
        QualityValueKind.WholeNumber => $"CASE WHEN {parsed} = floor({parsed}) AND abs({parsed}) < 2e9 THEN CAST({parsed} AS INTEGER) END",
        _ => parsed,
    };

    /// <summary>Why a value that is there does not read as its kind.</summary>
    public static string Problem(QualityValueKind kind, DateOrder order) => kind switch
    {
        QualityValueKind.Date => $"not a date (yyyy-mm-dd, {(order == DateOrder.DayMonth ? "dd/mm/yyyy" : "mm/dd/yyyy")} or an Excel day number, 1900-2199)",
        QualityValueKind.Number => "not a number",
        QualityValueKind.WholeNumber => "not a whole number",
        QualityValueKind.YesNo => "not yes or no (yes/no, true/false, 1/0, oui/non)",
        _ => "not readable",
    };

    /// <summary>The year and time parts a d/m/y date may end with (2-digit years are tried first: 24 is 2024, not 0024).</summary>
    private static readonly string[] YearAndTime = ["%y", "%Y", "%y %H:%M", "%Y %H:%M", "%y %H:%M:%S", "%Y %H:%M:%S"];

    public static string Trimmed(string column) => $"CASE WHEN {Untrimmable(column)} THEN {column} ELSE NULLIF(trim({column}), '') END";

    /// <summary>
    /// DuckDB's trim() removes the space separators (Unicode Zs) at either end; this tests, by a value's first and last
    /// characters only, that it has none there and is not empty, so it is its own trimmed value. Most values are: the
    /// test skips trim's copy of every string (11 million grades' two identifiers read in 1.6 s instead of 2.7 s).
    /// </summary>
    private static string Untrimmable(string column) =>
        $"(ascii({column}) NOT IN ({SpaceSeparators}, 0) AND ascii({column}[-1]) NOT IN ({SpaceSeparators}))";

    private const string SpaceSeparators = "32, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8239, 8287, 12288";

    /// <summary>ISO (with or without a time), then d/m/y or m/d/y (separators / . -, 2- or 4-digit years, a time), then an Excel day number.</summary>
    private static string Date(string column, DateOrder order)
    {
        var v = $"trim({column})";
        var (d, m) = order == DateOrder.DayMonth ? ("%d", "%m") : ("%m", "%d");
        var formats = string.Join(", ", YearAndTime.Select(y => $"'{d}/{m}/{y}'"));
        return $"""
            coalesce(TRY_CAST(TRY_CAST({v} AS TIMESTAMP) AS DATE),
                     CAST(try_strptime(replace(replace({v}, '.', '/'), '-', '/'), [{formats}]) AS DATE),
                     CASE WHEN TRY_CAST({v} AS DOUBLE) BETWEEN 10000 AND 99999 THEN DATE '1899-12-30' + CAST(floor(TRY_CAST({v} AS DOUBLE)) AS INTEGER) END)
            """;
    }

    /// <summary>
    /// Over the date columns: values written d/m/y, those whose first part is over 12 (so day first) and those whose second
    /// is. Plain ISO dates (yyyy-mm-dd), most of a large table's, are counted by a cheap test and set aside; the patterns are
    /// matched once per distinct other value, weighted by its count (a table of millions of dates has a few thousand
    /// distinct ones): five regular expressions over every row took most of a large import's time.
    /// </summary>
    public static string OrderEvidence(IReadOnlyList<string> dateColumns)
    {
        var values = string.Join(" UNION ALL ", dateColumns.Select(c => $"SELECT trim({c}) AS v FROM {{0}}"));
        string Count(string condition) => $"CAST(coalesce(sum(n) FILTER (WHERE {condition}), 0) AS BIGINT)";
        return $"""
            SELECT {Count("slashed")},
                   {Count($"slashed AND TRY_CAST(regexp_extract(v, '{SlashPattern}', 1) AS INTEGER) > 12 AND TRY_CAST(regexp_extract(v, '{SlashPattern}', 2) AS INTEGER) <= 12")},
                   {Count($"slashed AND TRY_CAST(regexp_extract(v, '{SlashPattern}', 2) AS INTEGER) > 12 AND TRY_CAST(regexp_extract(v, '{SlashPattern}', 1) AS INTEGER) <= 12")},
                   {Count($"regexp_matches(v, '{SerialPattern}')")},
                   {Count($"plain_iso OR regexp_matches(v, '{IsoPattern}')")}
            FROM (SELECT v, plain_iso, n, regexp_matches(v, '{SlashPattern}') AS slashed
                  FROM (SELECT CASE WHEN plain_iso THEN NULL ELSE v END AS v, plain_iso, count(*) AS n
                        FROM (SELECT v, length(v) = 10 AND substr(v, 5, 1) = '-' AND substr(v, 8, 1) = '-' AND TRY_CAST(v AS DATE) IS NOT NULL AS plain_iso
                              FROM ({values}) d WHERE v IS NOT NULL AND v <> '') dates
                        GROUP BY 1, 2) grouped) matched
            """;
    }
}
