using System.Globalization;
using static GradeLens.Core.Hostile.HostileOutcomes;

namespace GradeLens.Core.Hostile;

/// <summary>Kinds whose damage is the shape of the text: quotes, ragged rows, line ends, delimiters, cut-off endings, sizes.</summary>
internal static class StructureKinds
{
    public static IEnumerable<HostileFileKind> All()
    {
        yield return Csv("quote-unclosed-mid-file", "a quote opened in a middle row and never closed.", NotImported, r => Raw(r, 3, HostileRows.School, "\"School A"));
        yield return Csv("quote-unclosed-last-line", "a quote opened on the last line and never closed.", NotImported, r => Raw(r, 7, HostileRows.School, "\"School A"));
        yield return Csv("quote-inside-unquoted-field", "a quote in the middle of an unquoted field.", Any, r => Raw(r, 2, HostileRows.School, "Sch\"ool A"));
        yield return Csv("quote-text-after-closing", "text after a field's closing quote.", Any, r => Raw(r, 2, HostileRows.School, "\"School A\"x"));
        yield return Csv("quote-backslash-escaped", "quotes escaped with backslashes rather than doubled.", Any, r => Raw(r, 2, HostileRows.School, "\"School \\\"A\\\"\""));
        yield return Csv("quote-around-number-unclosed", "a score that opens a quote and never closes it.", NotImported, r => Raw(r, 5, HostileRows.Math, "\"55"));
        yield return Csv("ragged-short-row", "one row with fewer fields than the header.", NotImported, r => Ragged(r, row => row[..3]));
        yield return Csv("ragged-long-row", "one row with more fields than the header.", NotImported, r => Ragged(r, row => [.. row, "77", "x"]));
        yield return Csv("ragged-alternating", "every other row is short.", NotImported, r =>
            HostileRows.Csv(HostileRows.Good(r).Select((row, i) => i % 2 == 0 ? row : row[..2])));
        yield return Csv("ragged-empty-row-of-delimiters", "a row of delimiters only between data rows.", Any, r =>
        {
            var rows = HostileRows.Good(r);
            rows.Insert(3, ["", "", "", "", ""]);
            return HostileRows.Csv(rows);
        });
        yield return Csv("line-break-in-quoted-id", "a line break inside a quoted id.", NotImported, r => HostileRows.Csv(HostileRows.WithValue(r, HostileRows.Id, "H1\nH2")));
        yield return Csv("line-ends-mixed", "LF, CRLF and CR line ends in one file.", Any, r =>
        {
            return HostileRows.Header + "\n" + string.Concat(HostileRows.Good(r).Select((row, i) => string.Join(',', row) + (i % 3) switch { 0 => "\n", 1 => "\r\n", _ => "\r" }));
        });
        yield return Csv("line-ends-cr-only", "old Mac line ends (CR only).", Any, r => HostileRows.Csv(HostileRows.Good(r), newline: "\r"));
        yield return Csv("line-ends-reversed", "line ends written as LF CR.", Any, r => HostileRows.Csv(HostileRows.Good(r), newline: "\n\r"));
        yield return Csv("blank-lines-between-rows", "blank lines between the rows.", Any, r => HostileRows.Csv(HostileRows.Good(r), newline: "\n\n"));
        yield return Csv("trailing-delimiter-every-line", "a delimiter at the end of every line.", Any, r => HostileRows.Csv(HostileRows.Good(r)).Replace("\n", ",\n", StringComparison.Ordinal));
        yield return Csv("spaces-around-fields", "spaces around every field.", Any, r => HostileRows.Csv(HostileRows.Good(r)).Replace(",", " , ", StringComparison.Ordinal));
        yield return Csv("delimiters-mixed-lines", "half the lines use semicolons, half commas.", NotImported, r =>
            HostileRows.Header + "\n" + string.Concat(HostileRows.Good(r).Select((row, i) => string.Join(i % 2 == 0 ? ',' : ';', row) + "\n")));
        yield return Csv("delimiter-tab-with-commas-inside", "a tab-separated file whose school names hold commas.", Any, r =>
            HostileRows.Csv(HostileRows.WithValue(r, HostileRows.School, "School, North", times: 3), delimiter: '\t'));
        yield return Csv("delimiter-pipe", "a pipe-separated file.", Any, r => HostileRows.Csv(HostileRows.Good(r), delimiter: '|'));
        yield return Csv("delimiter-semicolon-decimal-comma", "a European file: semicolons and decimal commas.", Any, r =>
            HostileRows.Csv(HostileRows.Good(r).Select(row => row.Select((f, i) => i >= HostileRows.Math ? f + ",5" : f).ToArray()), delimiter: ';'));
        yield return Csv("cut-inside-last-number", "the file is cut inside its last score (57 becomes 5), without a line end.", NotImported, r => CutLastNumber(r, "H"));
        yield return Csv("cut-mid-last-line", "the file is cut after the last row's second field.", NotImported, r =>
        {
            var text = HostileRows.Csv(HostileRows.Good(r));
            var last = text.TrimEnd('\n').LastIndexOf('\n');
            var cut = text.IndexOf(',', text.IndexOf(',', last + 1) + 1);
            return text[..cut];
        });
        yield return Csv("cut-inside-quoted-field", "the file is cut inside a quoted school name.", NotImported, r =>
        {
            var rows = HostileRows.Good(r);
            rows[^1][HostileRows.School] = "School, East";
            var text = HostileRows.Csv(rows);
            return text[..(text.LastIndexOf("School, East", StringComparison.Ordinal) + 6)];
        });
        yield return Csv("no-line-end-at-all", "all the rows joined on one line.", NotImported, r => HostileRows.Csv(HostileRows.Good(r)).Replace("\n", ",", StringComparison.Ordinal));
        yield return Csv("repeated-row-5000-times", "one pupil's row repeated 5,000 times.", Any, r =>
        {
            var row = string.Join(',', HostileRows.Good(r, 1)[0]);
            return HostileRows.Header + "\n" + string.Concat(Enumerable.Repeat(row + "\n", 5000));
        });
        yield return Csv("duplicate-student-conflicting-scores", "the same pupil twice with different maths scores.", NotImported, r =>
        {
            var rows = HostileRows.Good(r);
            rows.Add([.. rows[2]]);
            rows[^1][HostileRows.Math] = ((int.Parse(rows[2][HostileRows.Math], CultureInfo.InvariantCulture) + 30) % 100).ToString(CultureInfo.InvariantCulture);
            return HostileRows.Csv(rows);
        });
        yield return Csv("duplicate-student-conflicting-gender", "the same pupil twice with different genders.", NotImported, r =>
        {
            var rows = HostileRows.Good(r);
            rows.Add([.. rows[1]]);
            rows[^1][HostileRows.Gender] = rows[1][HostileRows.Gender] == "F" ? "M" : "F";
            return HostileRows.Csv(rows);
        });
        yield return Csv("duplicate-student-identical-rows", "the same pupil's row twice, identical.", Any, r =>
        {
            var rows = HostileRows.Good(r);
            rows.Insert(5, rows[0]);
            return HostileRows.Csv(rows);
        });
    }

    private static HostileFileKind Csv(string name, string why, HostileOutcomes allowed, Func<Random, string> text) =>
        new(name, char.ToUpperInvariant(why[0]) + why[1..], allowed, ".csv", r => HostileRows.Utf8(text(r)));

    /// <summary>Good rows joined without quoting, with <paramref name="value"/> as given in row <paramref name="row"/>.</summary>
    private static string Raw(Random random, int row, int column, string value)
    {
        var rows = HostileRows.Good(random);
        rows[row][column] = value;
        return HostileRows.Raw(rows);
    }

    private static string Ragged(Random random, Func<string[], string[]> spoil)
    {
        var rows = HostileRows.Good(random);
        var at = random.Next(1, rows.Count - 1);
        rows[at] = spoil(rows[at]);
        return HostileRows.Csv(rows);
    }

    /// <summary>Good rows whose last reading score has two digits, cut after the first digit with no line end.</summary>
    internal static string CutLastNumber(Random random, string prefix)
    {
        var rows = HostileRows.Good(random, prefix: prefix);
        rows[^1][HostileRows.Reading] = random.Next(51, 59).ToString(CultureInfo.InvariantCulture);
        return HostileRows.Csv(rows).TrimEnd('\n')[..^1];
    }
}
