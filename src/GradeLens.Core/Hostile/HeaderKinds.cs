using System.Globalization;
using System.Text;
using static GradeLens.Core.Hostile.HostileOutcomes;

namespace GradeLens.Core.Hostile;

/// <summary>Kinds whose damage is the header row: missing, blank, duplicated, unrecognisable, enormous, misplaced.</summary>
internal static class HeaderKinds
{
    public static IEnumerable<HostileFileKind> All()
    {
        yield return Csv("header-missing-numbers", "no header row: only numbers.", NotImported, r => HostileRows.Csv(Numbers(r), header: null));
        yield return Csv("header-missing-text", "no header row: the first pupil's row stands where the header should be.", NotImported, r => HostileRows.Csv(HostileRows.Good(r), header: null));
        yield return Csv("header-all-blank", "a header row of empty names.", NotImported, r => HostileRows.Csv(HostileRows.Good(r), header: ",,,,"));
        yield return Csv("header-blank-id", "the id column has no name.", NotImported | Imported, r => HostileRows.Csv(HostileRows.Good(r), header: ",gender,school,math score,reading score"));
        yield return Csv("header-blank-score", "one score column has no name.", Any, r => HostileRows.Csv(HostileRows.Good(r), header: "student_id,gender,school,,reading score"));
        yield return Csv("header-duplicate-score", "two columns claim the same score.", NotImported, r => HostileRows.Csv(HostileRows.Good(r), header: "student_id,gender,school,math score,math score"));
        yield return Csv("header-duplicate-id", "two columns claim to be the student id.", NotImported, r => HostileRows.Csv(HostileRows.Good(r), header: "student_id,student_id,school,math score,reading score"));
        yield return Csv("header-all-same-name", "every column is called score.", NotImported, r => HostileRows.Csv(HostileRows.Good(r), header: "score,score,score,score,score"));
        yield return Csv("header-only", "a header row and no data.", Refused, _ => HostileRows.Header + "\n");
        yield return Csv("header-only-no-line-end", "a header row without its line end, and no data.", Refused, _ => HostileRows.Header);
        yield return Csv("header-only-blank-lines", "a header row followed by blank lines.", Refused, _ => HostileRows.Header + "\r\n\r\n\r\n\r\n");
        yield return Csv("header-only-commas-below", "a header row followed by rows of empty fields.", Refused, _ => HostileRows.Header + "\n,,,,\n,,,,\n,,,,\n");
        yield return Csv("header-no-figures", "pupils and attributes but no score, baseline or area figure.", Refused, r =>
            HostileRows.Csv(HostileRows.Good(r).Select(row => row[..3]), header: "student_id,gender,school"));
        yield return Csv("header-unknown-names", "no column name the import knows.", NotImported, r => HostileRows.Csv(Numbers(r), header: "alpha,beta,gamma,delta,epsilon"));
        yield return Csv("header-numbers-as-names", "the header row is numbers.", NotImported, r => HostileRows.Csv(Numbers(r), header: "1,2,3,4,5"));
        yield return Csv("header-at-the-bottom", "the header row is the last line.", NotImported, r => HostileRows.Csv(HostileRows.Good(r), header: null) + HostileRows.Header + "\n");
        yield return Csv("header-repeated-mid-file", "the header row is repeated among the data.", Any, r =>
        {
            var rows = HostileRows.Good(r);
            rows.Insert(4, HostileRows.HeaderFields);
            return HostileRows.Csv(rows);
        });
        yield return Csv("header-10000-character-name", "a column name of 10,000 characters.", Any, r =>
            HostileRows.Csv(HostileRows.Good(r), header: "student_id,gender,school,math score " + new string('x', 10_000) + ",reading score"));
        yield return Csv("header-control-characters", "a bell and an escape inside column names.", Any, r =>
            HostileRows.Csv(HostileRows.Good(r), header: "student\u0007_id,gender,school\u001b[2J,math score,reading score"));
        yield return Csv("header-nul-inside", "a NUL byte inside a column name.", Any, r =>
            HostileRows.Csv(HostileRows.Good(r), header: "student_id,gen\0der,school,math score,reading score"));
        yield return Csv("header-quoted-line-break", "a line break inside a quoted column name.", Any, r =>
            HostileRows.Csv(HostileRows.Good(r), header: "\"student\nid\",gender,school,math score,reading score"));
        yield return Csv("header-formula", "a column name that is an Excel formula.", Any, r =>
            HostileRows.Csv(HostileRows.Good(r), header: "student_id,gender,\"=cmd|' /C calc'!A0\",math score,reading score"));
        yield return Csv("header-sql-text", "a column name written to break SQL quoting.", Any, r =>
            HostileRows.Csv(HostileRows.Good(r), header: "student_id,gender,\"school\"\"; DROP TABLE students; --\",math score,reading score"));
        yield return Csv("header-trailing-empty-columns", "empty column names after the last real one.", Any, r =>
            HostileRows.Csv(HostileRows.Good(r).Select(row => row.Concat(["", "", ""]).ToArray()), header: HostileRows.Header + ",,,"));
        yield return Csv("header-longer-than-rows", "the header names more columns than any row has.", NotImported, r =>
            HostileRows.Csv(HostileRows.Good(r).Select(row => row[..4]), header: HostileRows.Header));
        yield return Csv("header-shorter-than-rows", "every row has more fields than the header names.", NotImported, r =>
            HostileRows.Csv(HostileRows.Good(r).Select(row => row.Append("99").ToArray())));
        yield return Csv("columns-10000", "10,000 columns with unknown names.", NotImported, r => Wide(r, 10_000, "c"));
        yield return Csv("columns-300-questions", "300 question columns of marks, none of them a known score.", Any, r => Wide(r, 300, "q"));
        yield return Csv("columns-100-series", "100 maths series side by side (a column per mock): wide, but a table.", Imported, r => Wide(r, 100, "maths mock ", "student_id"));
    }

    private static HostileFileKind Csv(string name, string why, HostileOutcomes allowed, Func<Random, string> text) =>
        new(name, char.ToUpperInvariant(why[0]) + why[1..], allowed, ".csv", r => HostileRows.Utf8(text(r)));

    private static List<string[]> Numbers(Random random) =>
        [.. Enumerable.Range(1, 8).Select(i => new[] { i, random.Next(20, 96), random.Next(20, 96), random.Next(1, 4), random.Next(20, 96) }.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray())];

    /// <summary>A header of <paramref name="columns"/> names and three rows of small numbers.</summary>
    private static string Wide(Random random, int columns, string prefix, string? id = null)
    {
        var text = new StringBuilder(id is null ? "" : id + ",");
        text.AppendJoin(',', Enumerable.Range(1, columns).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture))).Append('\n');
        for (var row = 0; row < 3; row++)
        {
            text.Append(id is null ? "" : "W" + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) + row.ToString(CultureInfo.InvariantCulture) + ",");
            text.AppendJoin(',', Enumerable.Range(0, columns).Select(_ => random.Next(0, 10).ToString(CultureInfo.InvariantCulture))).Append('\n');
        }

        return text.ToString();
    }
}
