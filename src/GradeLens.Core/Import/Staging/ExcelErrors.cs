namespace GradeLens.Core.Import.Staging;

/// <summary>Excel's error values (#DIV/0!, #N/A...), in a workbook's cells or a CSV exported from one: reported cell by cell, never read as missing.</summary>
internal static class ExcelErrors
{
    private const string Pattern = "#(DIV/0!|N/A|VALUE!|REF!|NAME\\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|ERROR)";

    /// <summary>SQL: true when <paramref name="value"/> is one of Excel's error values.</summary>
    public static string Condition(string value) => $"regexp_full_match(upper({value}), '{Pattern}')";

    /// <summary>SQL: the reason for such a value.</summary>
    public static string Reason(string value) =>
        $"'the cell holds the Excel error ' || {value} || ' (its formula failed): correct the formula or empty the cell'";
}
