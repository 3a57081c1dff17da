using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import.Staging;

/// <summary>
/// How a score column writes its numbers, decided from the whole column, never value by value: a decimal comma ("12,5"),
/// a thousands comma beside decimal points ("1,250.5"), a thousands point beside decimal commas ("1.250,5"), or plain
/// numbers. A column whose only commas sit before three digits ("1,011") cannot tell a decimal comma from a thousands
/// separator: it is <see cref="Ambiguous"/>, and the import asks.
/// </summary>
internal sealed record NumberFormat(bool DecimalComma, bool ThousandsComma, bool ThousandsPoint, bool Ambiguous, string? Example)
{
    public static NumberFormat Plain { get; } = new(false, false, false, false, null);

    /// <summary>Evidence counted in SQL (<see cref="EvidenceSql"/>), or the column's declared separator.</summary>
    public static NumberFormat Decide(ColumnMapping? column, long commaDecimals, long commaThousands, long pointDecimals, long pointThousands, string? example)
    {
        switch (column?.DecimalSeparator?.Trim())
        {
            case ",":
                return new(true, false, pointThousands > 0 && pointDecimals == 0, false, null);
            case ".":
                return new(false, commaThousands > 0, false, false, null);
        }

        if (commaDecimals > 0)
        {
            return new(true, false, pointThousands > 0 && pointDecimals == 0, false, null);
        }

        if (commaThousands > 0)
        {
            return pointDecimals > 0 ? new(false, true, false, false, null) : new(false, false, false, true, example);
        }

        return Plain;
    }

    /// <summary>Per scale group, over its distinct raw values (<c>rawvals_N</c>): counts of each way of writing a number, and one ambiguous example.</summary>
    public static string EvidenceSql(string suffix) => $"""
        SELECT grp,
               CAST(COALESCE(sum(n) FILTER (WHERE regexp_full_match(raw, '[+-]?[0-9]*,[0-9]+') AND NOT regexp_full_match(raw, '[+-]?[0-9]{"{1,3}"}(,[0-9]{"{3}"})+')), 0) AS BIGINT),
               CAST(COALESCE(sum(n) FILTER (WHERE regexp_full_match(raw, '[+-]?[0-9]{"{1,3}"}(,[0-9]{"{3}"})+(\.[0-9]+)?')), 0) AS BIGINT),
               CAST(COALESCE(sum(n) FILTER (WHERE regexp_full_match(raw, '[+-]?[0-9]*\.[0-9]+') AND NOT regexp_full_match(raw, '[+-]?[0-9]{"{1,3}"}(\.[0-9]{"{3}"})+')), 0) AS BIGINT),
               CAST(COALESCE(sum(n) FILTER (WHERE regexp_full_match(raw, '[+-]?[0-9]{"{1,3}"}(\.[0-9]{"{3}"})+(,[0-9]+)?')), 0) AS BIGINT),
               min(raw) FILTER (WHERE regexp_full_match(raw, '[+-]?[0-9]{"{1,3}"}(,[0-9]{"{3}"})+'))
        FROM rawvals_{suffix} WHERE contains(raw, ',') OR contains(raw, '.') GROUP BY grp
        """;

    /// <summary>SQL reading <paramref name="raw"/> as a number the way the scale row <paramref name="scale"/> says its group writes them (may be ±inf or NaN).</summary>
    public static string ParseSql(string raw, string scale) => $"""
        CASE WHEN {scale}.decimal_comma THEN TRY_CAST(replace(CASE WHEN {scale}.thousands_point THEN replace({raw}, '.', '') ELSE {raw} END, ',', '.') AS DOUBLE)
             WHEN {scale}.thousands_comma AND contains({raw}, ',') THEN
                  CASE WHEN regexp_full_match({raw}, '[+-]?[0-9]{"{1,3}"}(,[0-9]{"{3}"})+(\.[0-9]+)?') THEN TRY_CAST(replace({raw}, ',', '') AS DOUBLE) END
             WHEN contains({raw}, ',') THEN NULL
             ELSE TRY_CAST({raw} AS DOUBLE) END
        """;
}
