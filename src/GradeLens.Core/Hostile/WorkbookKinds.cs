using static GradeLens.Core.Hostile.HostileOutcomes;

namespace GradeLens.Core.Hostile;

/// <summary>Kinds that are .xlsx workbooks: error and formula cells, odd cell types, broken or lying parts, junk sheets, a compressed repetition.</summary>
internal static class WorkbookKinds
{
    private static readonly (string Name, string Error)[] _errors =
    [
        ("div0", "#DIV/0!"), ("na", "#N/A"), ("value", "#VALUE!"), ("ref", "#REF!"), ("name", "#NAME?"), ("num", "#NUM!"), ("null", "#NULL!"),
    ];

    /// <summary>(name, cell put in one row's math score, why).</summary>
    private static readonly (string Name, string Cell, string Why)[] _scores =
    [
        ("xlsx-score-nan-text", "NaN", "a text cell 'NaN' as a score"),
        ("xlsx-score-infinity-text", "Infinity", "a text cell 'Infinity' as a score"),
        ("xlsx-number-cell-1e309", "=N:1e309", "a number cell holding 1e309, beyond a double"),
        ("xlsx-number-cell-nan", "=N:NaN", "a number cell holding NaN"),
        ("xlsx-number-cell-garbage", "=N:12abc", "a number cell holding text"),
        ("xlsx-number-cell-1e24", "=N:1E+24", "a number cell of 1E+24 on a 0-100 scale"),
        ("xlsx-negative-score", "-5", "a negative score"),
        ("xlsx-outlier-700", "700", "one 700 among scores out of 100"),
        ("xlsx-boolean-score", "=B:1", "a boolean cell as a score"),
        ("xlsx-formula-cached-text-score", "=F:cmd|' /C calc'!A0|calc", "a formula whose cached result is text, as a score"),
        ("xlsx-thousands-text", "1,011", "a text cell '1,011' among number cells"),
        ("xlsx-shared-string-out-of-range", "=S:99", "a shared-string index that points past the table"),
    ];

    public static IEnumerable<HostileFileKind> All()
    {
        foreach (var (name, error) in _errors)
        {
            yield return Book($"xlsx-error-cell-{name}", $"an Excel error cell {error} as a score.", NotImported, r => [HostileWorkbook.Sheet(HostileRows.WithValue(r, HostileRows.Math, "=ERR:" + error))]);
        }

        yield return Book("xlsx-error-cell-in-gender", "an Excel error cell #N/A as a gender.", NotImported, r => [HostileWorkbook.Sheet(HostileRows.WithValue(r, HostileRows.Gender, "=ERR:#N/A"))]);
        foreach (var (name, cell, why) in _scores)
        {
            yield return Book(name, why + ".", NotImported, r => [HostileWorkbook.Sheet(HostileRows.WithValue(r, HostileRows.Math, cell))]);
        }

        yield return Book("xlsx-formula-in-school", "a formula cell with a cached result as a school.", Any, r => [HostileWorkbook.Sheet(HostileRows.WithValue(r, HostileRows.School, "=F:HYPERLINK(\"http://example.invalid\")|School A"))]);
        yield return Book("xlsx-id-1000-characters", "an id of 1,000 characters.", NotImported, r => [HostileWorkbook.Sheet(HostileRows.WithValue(r, HostileRows.Id, new string('W', 1000)))]);
        yield return Book("xlsx-id-control-character", "an id holding a bell (written _x0007_).", NotImported, r => [HostileWorkbook.Sheet(HostileRows.WithValue(r, HostileRows.Id, "H1_x0007_"))]);
        yield return Book("xlsx-header-only", "a sheet with a header and no data.", NotImported, _ => [HostileWorkbook.Sheet([])]);
        yield return Book("xlsx-empty-sheet", "a sheet with no cells.", NotImported, _ => [new HostileSheet("Results", [])]);
        yield return Book("xlsx-no-sheets", "a workbook that lists no sheet.", NotImported, _ => []);
        yield return Book("xlsx-sheet-part-missing", "a workbook naming a sheet whose part is not in the file.", NotImported, r => [HostileWorkbook.Sheet(HostileRows.Good(r)) with { Missing = true }]);
        yield return Book("xlsx-sheet-xml-malformed", "a sheet part that is not well-formed XML.", NotImported, _ => [new HostileSheet("Results", [], RawXml: "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>student_id</t></is></c><row></sheetData>")]);
        yield return Book("xlsx-sheet-not-xml", "a sheet part of random bytes.", NotImported, r => [new HostileSheet("Results", [], RawXml: Convert.ToBase64String(DisguisedKinds.Random(r, 600)))]);
        yield return Book("xlsx-dimension-lie", "a sheet claiming to span A1:XFD1048576 while holding nine rows.", Any, r => [HostileWorkbook.Sheet(HostileRows.Good(r), dimension: "A1:XFD1048576")]);
        yield return Book("xlsx-repetition-20000-rows", "one pupil's row 20,000 times: a few KB compressed, megabytes of XML.", Any, r =>
        {
            var row = HostileRows.Good(r, 1)[0];
            return [HostileWorkbook.Sheet(Enumerable.Repeat(row, 20_000))];
        });
        yield return Book("xlsx-junk-sheet-only", "a workbook whose only sheet is notes.", NotImported, _ =>
            [new HostileSheet("Notes", [["Exported from the MIS"], ["Ask the office before sharing"], ["Do not edit"]])]);
        yield return Book("xlsx-junk-second-sheet", "the results and a sheet of notes.", Any, r =>
            [HostileWorkbook.Sheet(HostileRows.Good(r)), new HostileSheet("Notes", [["Exported from the MIS"], ["Ask the office before sharing"]])]);
        yield return Book("xlsx-cell-in-last-column", "a stray cell in column XFD, the last Excel has.", Any, r =>
        {
            var rows = HostileRows.Good(r).Select(x => (string?[])x).ToList();
            rows[2] = [.. rows[2], "@XFD4:stray"];
            return [new HostileSheet("Results", [HostileRows.HeaderFields, .. rows])];
        });
        yield return Book("xlsx-cell-at-last-row", "a stray cell at row 1,048,576.", Any, r =>
        {
            var rows = HostileRows.Good(r).Select(x => (string?[])x).ToList();
            rows[^1] = [.. rows[^1], "@A1048576:stray"];
            return [new HostileSheet("Results", [HostileRows.HeaderFields, .. rows])];
        });
        yield return Book("xlsx-no-header", "a sheet of data rows without a header.", NotImported, r => [new HostileSheet("Results", [.. HostileRows.Good(r)])]);
        yield return Book("xlsx-blank-header", "a sheet whose header row is empty cells.", NotImported, r => [new HostileSheet("Results", [["", "", "", "", ""], .. HostileRows.Good(r)])]);
        yield return Book("xlsx-prose-sheet", "a sheet holding a letter, one sentence a row.", NotImported, _ =>
            [new HostileSheet("Letter", [["Dear parents,"], ["The results, as promised, follow next week."], ["Regards, the office"]])]);
        yield return Book("xlsx-sheets-conflicting", "the same pupils on two sheets with different maths scores.", NotImported, r =>
        {
            var rows = HostileRows.Good(r);
            var other = rows.Select(x => x.Select((f, c) => c == HostileRows.Math ? "1" + f[1..] : f).ToArray());
            return [HostileWorkbook.Sheet(rows, "Term 1"), HostileWorkbook.Sheet(other, "Term 1 again")];
        });
        yield return new HostileFileKind("xlsx-truncated", "The first half of a good workbook.", NotImported, ".xlsx", r =>
        {
            var bytes = HostileWorkbook.Write(HostileWorkbook.Sheet(HostileRows.Good(r)));
            return bytes[..(bytes.Length / 2)];
        });
    }

    private static HostileFileKind Book(string name, string why, HostileOutcomes allowed, Func<Random, IReadOnlyList<HostileSheet>> sheets) =>
        new(name, char.ToUpperInvariant(why[0]) + why[1..], allowed, ".xlsx", r =>
        {
            var book = sheets(r);
            return name == "xlsx-shared-string-out-of-range" ? HostileWorkbook.Write(book, ["only one string"]) : HostileWorkbook.Write([.. book], []);
        });
}
