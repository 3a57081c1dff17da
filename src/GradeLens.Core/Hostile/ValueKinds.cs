using static GradeLens.Core.Hostile.HostileOutcomes;

namespace GradeLens.Core.Hostile;

/// <summary>Kinds whose damage is an id, a date, a subject or series, or a value that would change what the store already holds.</summary>
internal static class ValueKinds
{
    private const string LongHeader = "student_id,subject,series,date,score";

    private static readonly string[] _genders = ["F", "female", "2", "\U0001F937", "?", "M", "x", ""];

    private static readonly string[] _grades = ["9", "8", "7", "Z", "6", "5", "A**", "4"];

    public static IEnumerable<HostileFileKind> All()
    {
        yield return Id("id-65-characters", "an id one character over the limit.", r => "H" + new string('7', 64));
        yield return Id("id-1000-characters", "an id of 1,000 characters.", _ => new string('X', 1000));
        yield return Id("id-10000-characters", "an id of 10,000 characters.", _ => new string('Y', 10_000));
        yield return new HostileFileKind("id-1-megabyte", "One id of a megabyte (the corpus's one huge field).", NotImported, ".csv", r =>
            HostileRows.Utf8(HostileRows.Csv(HostileRows.WithValue(r, HostileRows.Id, new string('Z', 1 << 20)))));
        yield return Id("id-blank", "one row without an id among rows with ids.", _ => "");
        yield return Id("id-whitespace-only", "an id of spaces only.", _ => "   ");
        yield return Id("id-line-feed-inside", "an id holding a line feed.", _ => "H1\n2");
        yield return Id("id-tab-inside", "an id holding a tab.", _ => "H1\t2");
        yield return Id("id-escape-sequence", "an id holding a terminal escape sequence.", _ => "\u001b]0;owned\u0007H1");
        yield return Csv("id-scientific-collisions", "ids mangled by Excel into scientific notation: different pupils share 1E+05.", NotImported, r =>
            HostileRows.Csv(HostileRows.Good(r).Select((row, i) => i < 4 ? row.Select((f, c) => c == HostileRows.Id ? "1E+05" : f).ToArray() : row)));
        yield return Csv("id-scientific-precision-lost", "long numeric ids rounded by Excel (1.23457E+11).", Any, r =>
            HostileRows.Csv(HostileRows.Good(r).Select((row, i) => row.Select((f, c) => c == HostileRows.Id ? $"1.2345{i}E+11" : f).ToArray())));
        yield return Csv("id-leading-zeros", "ids 007 and 7: one pupil or two.", Any, r =>
            HostileRows.Csv(HostileRows.Good(r).Select((row, i) => row.Select((f, c) => c == HostileRows.Id ? (i == 0 ? "007" : i == 1 ? "7" : f) : f).ToArray())));
        yield return Csv("id-case-variants", "ids that differ only in case.", Any, r =>
        {
            var rows = HostileRows.Good(r);
            rows[1][HostileRows.Id] = rows[0][HostileRows.Id].ToLowerInvariant();
            return HostileRows.Csv(rows);
        });
        yield return Id("id-formula", "an id that is an Excel formula.", _ => "=HYPERLINK(\"http://example.invalid\",\"click\")", Any);
        yield return Id("id-html", "an id that is a script tag.", _ => "<script>alert(1)</script>", Any);
        yield return Id("id-sql-injection", "an id written to end a SQL string.", _ => "H1'); DROP TABLE students; --", Any);
        yield return Id("id-path-traversal", "an id that is a path out of the folder.", _ => "../../../../etc/passwd", Any);
        yield return Csv("school-100-kilobytes", "a school name of 100 KB.", Any, r => HostileRows.Csv(HostileRows.WithValue(r, HostileRows.School, new string('s', 100_000))));
        yield return Csv("school-formula", "a school name that is an Excel formula.", Any, r => HostileRows.Csv(HostileRows.WithValue(r, HostileRows.School, "=cmd|' /C calc'!A0", times: 3)));
        yield return Csv("gender-unexpected-values", "genders of every spelling, a number and an emoji.", Any, r =>
            HostileRows.Csv(HostileRows.Good(r).Select((row, i) => row.Select((f, c) => c == HostileRows.Gender ? _genders[i] : f).ToArray())));
        yield return Csv("stored-score-changed", "a re-import of the stored pupils with one maths score changed.", NotImported, _ =>
        {
            var rows = KnownDataset.Copy();
            rows[2][HostileRows.Math] = "12";
            return HostileRows.Csv(rows);
        });
        yield return Csv("stored-cut-inside-last-number", "the stored pupils' file cut inside its last score, without a line end.", NotImported, _ => KnownDataset.Csv().TrimEnd('\n')[..^1]);
        yield return Csv("stored-gender-changed", "a re-import of the stored pupils with one gender changed.", NotImported, _ =>
        {
            var rows = KnownDataset.Copy();
            rows[4][HostileRows.Gender] = rows[4][HostileRows.Gender] == "F" ? "M" : "F";
            return HostileRows.Csv(rows);
        });
        yield return Csv("stored-thousands-comma", "a re-import of the stored pupils with one score written '1,011'.", NotImported, _ =>
        {
            var rows = KnownDataset.Copy();
            rows[7][HostileRows.Math] = "1,011";
            return HostileRows.Csv(rows);
        });
        yield return Csv("stored-bom-every-line", "a re-import of the stored pupils with a byte order mark on every line.", Any, _ =>
            string.Concat(KnownDataset.Csv().Split('\n').Select(l => l.Length == 0 ? "" : "\uFEFF" + l + "\n")));
        yield return Csv("stored-ids-with-trailing-spaces", "a re-import of the stored pupils with a space after every id.", Any, _ =>
            HostileRows.Csv(KnownDataset.Copy().Select(row => row.Select((f, c) => c == HostileRows.Id ? f + " " : f).ToArray())));
        foreach (var (name, value, why) in Dates())
        {
            yield return Csv("date-" + name, why, NotImported, r => Long(r, date: value));
        }

        yield return Csv("date-excel-serial", "a date written as an Excel serial number.", Any, r => Long(r, date: "45000"));
        yield return Csv("date-before-1900", "a date nine centuries ago.", Any, r => Long(r, date: "1066-10-14"));
        yield return Csv("date-formats-mixed", "day-month and month-day dates in one column.", Any, r => Long(r, date: "03/04/2024", other: "04/13/2024"));
        yield return Csv("long-subject-blank", "a result row without its subject.", NotImported, r => Long(r, subject: ""));
        yield return Csv("long-series-control-character", "a series name holding a bell.", NotImported, r => Long(r, series: "Mock\u0007 1"));
        yield return Csv("long-score-nan", "a NaN score in a long file.", NotImported, r => Long(r, score: "NaN"));
        yield return Csv("baseline-infinity", "an expected grade of Infinity.", NotImported, r =>
            HostileRows.Csv(HostileRows.Good(r).Select((row, i) => new[] { row[0], row[1], row[3], i == 3 ? "Infinity" : "6" }), header: "student_id,gender,math score,target grade"));
        yield return Csv("grades-unknown-letters", "a GCSE grade column holding grades no scale has.", NotImported, r =>
            HostileRows.Csv(HostileRows.Good(r).Select((row, i) => new[] { row[0], row[1], _grades[i] }), header: "student_id,gender,maths grade"));
    }

    private static (string Name, string Value, string Why)[] Dates() =>
    [
        ("february-30", "2023-02-30", "a date that does not exist (30 February)."),
        ("month-13", "2023-13-01", "a date in month 13."),
        ("all-zeros", "0000-00-00", "a date of zeros."),
        ("day-32", "32/01/2023", "a date on day 32."),
        ("word", "yesterday", "a word where a date belongs."),
        ("year-99999", "99999-01-01", "a date in year 99999."),
    ];

    private static HostileFileKind Csv(string name, string why, HostileOutcomes allowed, Func<Random, string> text) =>
        new(name, char.ToUpperInvariant(why[0]) + why[1..], allowed, ".csv", r => HostileRows.Utf8(text(r)));

    private static HostileFileKind Id(string name, string why, Func<Random, string> id, HostileOutcomes allowed = NotImported) =>
        Csv(name, why, allowed, r => HostileRows.Csv(HostileRows.WithValue(r, HostileRows.Id, id(r))));

    /// <summary>A long file (one row per pupil and subject) with one row spoiled as asked.</summary>
    private static string Long(Random random, string? date = null, string? other = null, string? subject = null, string? series = null, string? score = null)
    {
        var rows = new List<string[]>();
        foreach (var row in HostileRows.Good(random, 5))
        {
            rows.Add([row[0], "Maths", "Mock 1", "2024-03-04", row[HostileRows.Math]]);
            rows.Add([row[0], "Reading", "Mock 1", "2024-03-04", row[HostileRows.Reading]]);
        }

        var at = random.Next(rows.Count);
        rows[at][3] = date ?? rows[at][3];
        rows[at][1] = subject ?? rows[at][1];
        rows[at][2] = series ?? rows[at][2];
        rows[at][4] = score ?? rows[at][4];
        if (other is not null)
        {
            rows[(at + 1) % rows.Count][3] = other;
        }

        return HostileRows.Csv(rows, LongHeader);
    }
}
