using static GradeLens.Core.Hostile.HostileOutcomes;

namespace GradeLens.Core.Hostile;

/// <summary>Kinds whose damage is a score that is not a number, not finite, or not on the scale: one value among good rows, or every value.</summary>
internal static class NumberKinds
{
    /// <summary>(name, value put in one row's math score, why it is bad, allowed outcomes).</summary>
    private static readonly (string Name, string Value, string Why, HostileOutcomes Allowed)[] _values =
    [
        ("score-nan", "NaN", "a score of NaN is not a number", NotImported),
        ("score-nan-lower-case", "nan", "a score of nan is not a number", NotImported),
        ("score-infinity", "Infinity", "an infinite score", NotImported),
        ("score-minus-infinity", "-Infinity", "a negative infinite score", NotImported),
        ("score-inf", "inf", "an infinite score spelled inf", NotImported),
        ("score-1e309", "1e309", "a score beyond the largest double", NotImported),
        ("score-minus-1e309", "-1e309", "a score beyond the smallest double", NotImported),
        ("score-1e308", "1e308", "an absurd, finite score far outside the scale", NotImported),
        ("score-1e24", "1e24", "an absurd score far outside the scale", NotImported),
        ("score-minus-zero", "-0", "a negative zero: a zero written oddly", Any),
        ("score-hexadecimal", "0x1F", "a hexadecimal score", NotImported),
        ("score-percent-sign", "55%", "a score with a percent sign among plain numbers", Any),
        ("score-unit-points", "55 points", "a score with its unit written in the cell", NotImported),
        ("score-unit-pts", "55pts", "a score with an abbreviated unit glued to it", NotImported),
        ("score-fraction-slash", "55/100", "a score written as a fraction", NotImported),
        ("score-two-decimal-points", "12.5.3", "a number with two decimal points", NotImported),
        ("score-thousands-ambiguous", "1,011", "'1,011' among plain scores: a thousands separator or a decimal comma", NotImported),
        ("score-decimal-comma-mixed", "55,5", "a decimal comma in a column of decimal points", Any),
        ("score-decimal-comma-thousands-dot", "1.011,5", "a European thousands dot and decimal comma, far outside the scale", NotImported),
        ("score-accounting-negative", "(55)", "an accountant's negative in brackets", NotImported),
        ("score-unicode-minus", "\u22125", "a negative score with a typographic minus", NotImported),
        ("score-fullwidth-digits", "\uFF15\uFF15", "fullwidth digits", Any),
        ("score-arabic-indic-digits", "\u0665\u0665", "Arabic-Indic digits", Any),
        ("score-trailing-e", "55e", "an exponent without digits", NotImported),
        ("score-exponent-only", "e5", "an exponent without a mantissa", NotImported),
        ("score-lone-dot", ".", "a decimal point alone", NotImported),
        ("score-double-minus", "--5", "two minus signs", NotImported),
        ("score-trailing-minus", "5-", "a minus sign after the number", NotImported),
        ("score-underflow", "1e-400", "a number below the smallest double, read as zero", Any),
        ("score-negative", "-5", "a negative score on a 0-100 scale", NotImported),
        ("score-negative-fraction", "-0.5", "a small negative score", NotImported),
        ("score-just-above-scale", "101", "one score above the 0-100 scale", NotImported),
        ("score-outlier-700", "700", "one 700 among scores out of 100", NotImported),
        ("score-outlier-million", "1000000", "one score of a million", NotImported),
        ("score-excel-div0", "#DIV/0!", "an Excel division error saved as text", NotImported),
        ("score-excel-na", "#N/A", "an Excel #N/A saved as text", NotImported),
        ("score-excel-value", "#VALUE!", "an Excel #VALUE! error saved as text", NotImported),
        ("score-excel-ref", "#REF!", "an Excel #REF! error saved as text", NotImported),
        ("score-excel-name", "#NAME?", "an Excel #NAME? error saved as text", NotImported),
        ("score-excel-num", "#NUM!", "an Excel #NUM! error saved as text", NotImported),
        ("score-excel-null", "#NULL!", "an Excel #NULL! error saved as text", NotImported),
        ("score-formula-cmd", "=cmd|' /C calc'!A0", "a formula that runs a program when opened in Excel", NotImported),
        ("score-formula-sum", "=SUM(A1:A3)", "a formula instead of its value", NotImported),
        ("score-formula-at", "@SUM(1+1)", "a Lotus-style formula", NotImported),
        ("score-formula-plus", "+1+1", "an expression instead of a number", NotImported),
        ("score-boolean", "TRUE", "a boolean in a score column", NotImported),
        ("score-very-long-number", new string('9', 400), "a 400-digit number", NotImported),
        ("score-space-inside", "5 5", "a space inside the number", NotImported),
        ("score-currency", "$55", "a currency sign", NotImported),
        ("score-date", "2023-01-05", "a date in a score column", NotImported),
        ("score-time", "12:30", "a time in a score column", NotImported),
        ("score-fraction-glyph", "\u00BD", "a vulgar-fraction glyph", NotImported),
        ("score-roman-numeral", "LV", "a Roman numeral", NotImported),
        ("score-many-decimals", "55.000000000000000000001", "more decimals than a double holds", Any),
        ("score-non-breaking-space", "55\u00A0", "a non-breaking space after the number", Any),
        ("score-word-null", "null", "the word null", Any),
    ];

    /// <summary>(name, value for every row's math score, why).</summary>
    private static readonly (string Name, string Value, string Why)[] _columns =
    [
        ("column-all-nan", "NaN", "every score is NaN"),
        ("column-all-infinity", "Infinity", "every score is infinite"),
        ("column-all-1e24", "1e24", "every score is absurd"),
        ("column-all-excel-errors", "#DIV/0!", "every score is an Excel error"),
        ("column-all-formulas", "=1+1", "every score is a formula"),
    ];

    public static IEnumerable<HostileFileKind> All()
    {
        foreach (var (name, value, why, allowed) in _values)
        {
            yield return new HostileFileKind(name, HostileRows.Sentence(why), allowed, ".csv", r => HostileRows.Utf8(HostileRows.Csv(HostileRows.WithValue(r, HostileRows.Math, value))));
        }

        foreach (var (name, value, why) in _columns)
        {
            yield return new HostileFileKind(name, HostileRows.Sentence(why), NotImported, ".csv", r => HostileRows.Utf8(HostileRows.Csv(HostileRows.WithValue(r, HostileRows.Math, value, times: 8))));
        }

        yield return new HostileFileKind("column-all-negative", "Every score is negative on a 0-100 subject.", NotImported, ".csv", r =>
            HostileRows.Utf8(HostileRows.Csv(HostileRows.Good(r).Select(row => row.Select((f, i) => i == HostileRows.Math ? "-" + f : f).ToArray()))));
        yield return new HostileFileKind("two-columns-non-finite", "NaN in one score column and Infinity in the other, in different rows.", NotImported, ".csv", r =>
        {
            var rows = HostileRows.Good(r);
            rows[1][HostileRows.Math] = "NaN";
            rows[5][HostileRows.Reading] = "Infinity";
            return HostileRows.Utf8(HostileRows.Csv(rows));
        });
        yield return new HostileFileKind("semicolon-thousands-ambiguous", "A semicolon file with decimal commas and one '1.011': a thousands dot or a decimal point.", NotImported, ".csv", r =>
        {
            var rows = HostileRows.Good(r).Select(row => row.Select((f, i) => i == HostileRows.Math ? f + ",5" : f).ToArray()).ToList();
            rows[r.Next(rows.Count)][HostileRows.Math] = "1.011";
            return HostileRows.Utf8(HostileRows.Csv(rows, delimiter: ';'));
        });
    }
}
