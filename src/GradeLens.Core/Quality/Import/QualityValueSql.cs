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

    public static string Read(QualityValueKind kind, string column, DateOrder order) => kind switch
    {
        QualityValueKind.Identifier => Identifier(column),
        QualityValueKind.Text => Trimmed(column),
        QualityValueKind.Date => Date(column, order),
        QualityValueKind.Number => Number(column),
        QualityValueKind.WholeNumber => WholeNumber(column),
        QualityValueKind.YesNo => YesNo(column),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a value kind"),
    };

    /// <summary>Why a value that is there does not read as its kind.</summary>
    public static string Problem(QualityValueKind kind, DateOrder order) => kind switch
    {
        QualityValueKind.Date => $"not a date (yyyy-mm-dd, {(order == DateOrder.DayMonth ? "dd/mm/yyyy" : "mm/dd/yyyy")} or an Excel day number)",
        QualityValueKind.Number => "not a number",
        QualityValueKind.WholeNumber => "not a whole number",
        QualityValueKind.YesNo => "not yes or no (yes/no, true/false, 1/0, oui/non)",
        _ => "not readable",
    };

    public static string Trimmed(string column) => $"NULLIF(trim({column}), '')";

    /// <summary>"42", "42.0", " 42 " are "42"; any other text is itself, trimmed.</summary>
    public static string Identifier(string column) =>
        $"CASE WHEN regexp_full_match(trim({column}), '[+-]?[0-9]+[.]0*') THEN regexp_replace(trim({column}), '[.]0*$', '') ELSE {Trimmed(column)} END";

    /// <summary>A number, with a decimal comma or a trailing % allowed ("65,5", "40%").</summary>
    public static string Number(string column) =>
        $"TRY_CAST(replace(regexp_replace(trim({column}), '%$', ''), ',', '.') AS DOUBLE)";

    public static string WholeNumber(string column)
    {
        var number = Number(column);
        return $"CASE WHEN {number} = floor({number}) AND abs({number}) < 2e9 THEN CAST({number} AS INTEGER) END";
    }

    public static string YesNo(string column) => $"""
        CASE WHEN lower(trim({column})) IN ('1', 'yes', 'y', 'true', 't', 'upheld', 'oui', 'o', 'vrai') THEN TRUE
             WHEN lower(trim({column})) IN ('0', 'no', 'n', 'false', 'f', 'not upheld', 'non', 'faux') THEN FALSE END
        """;

    public static string Date(string column, DateOrder order)
    {
        var v = $"trim({column})";
        string Part(string pattern, int group) => $"regexp_extract({v}, '{pattern}', {group})";
        string Ymd(string y, string m, string d) => $"CAST(try_strptime({y} || '-' || lpad({m}, 2, '0') || '-' || lpad({d}, 2, '0'), '%Y-%m-%d') AS DATE)";
        var (day, month) = order == DateOrder.DayMonth ? (1, 2) : (2, 1);
        var year = $"CASE WHEN length({Part(SlashPattern, 3)}) = 2 THEN '20' || {Part(SlashPattern, 3)} ELSE {Part(SlashPattern, 3)} END";
        return $"""
            CASE WHEN regexp_matches({v}, '{IsoPattern}') THEN {Ymd(Part(IsoPattern, 1), Part(IsoPattern, 2), Part(IsoPattern, 3))}
                 WHEN regexp_matches({v}, '{SlashPattern}') THEN {Ymd(year, Part(SlashPattern, month), Part(SlashPattern, day))}
                 WHEN regexp_matches({v}, '{SerialPattern}') THEN DATE '1899-12-30' + CAST(floor(CAST({v} AS DOUBLE)) AS INTEGER) END
            """;
    }

    /// <summary>Over the date columns: values written d/m/y, those whose first part is over 12 (so day first) and those whose second is.</summary>
    public static string OrderEvidence(IReadOnlyList<string> dateColumns)
    {
        var values = string.Join(" UNION ALL ", dateColumns.Select(c => $"SELECT trim({c}) AS v FROM {{0}}"));
        return $"""
            SELECT count(*) FILTER (WHERE regexp_matches(v, '{SlashPattern}')),
                   count(*) FILTER (WHERE TRY_CAST(regexp_extract(v, '{SlashPattern}', 1) AS INTEGER) > 12 AND TRY_CAST(regexp_extract(v, '{SlashPattern}', 2) AS INTEGER) <= 12),
                   count(*) FILTER (WHERE TRY_CAST(regexp_extract(v, '{SlashPattern}', 2) AS INTEGER) > 12 AND TRY_CAST(regexp_extract(v, '{SlashPattern}', 1) AS INTEGER) <= 12),
                   count(*) FILTER (WHERE regexp_matches(v, '{SerialPattern}')),
                   count(*) FILTER (WHERE regexp_matches(v, '{IsoPattern}'))
            FROM ({values}) dates WHERE v IS NOT NULL AND v <> ''
            """;
    }
}
