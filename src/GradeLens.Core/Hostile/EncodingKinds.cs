using System.Text;
using static GradeLens.Core.Hostile.HostileOutcomes;

namespace GradeLens.Core.Hostile;

/// <summary>Kinds whose damage is in the bytes: encodings without their mark, marks in the wrong place, broken UTF-8, NULs and control characters.</summary>
internal static class EncodingKinds
{
    public static IEnumerable<HostileFileKind> All()
    {
        yield return Bytes("utf16le-without-bom", "UTF-16 little-endian text without its byte order mark.", Any, r => Encoding.Unicode.GetBytes(Good(r)));
        yield return Bytes("utf16be-without-bom", "UTF-16 big-endian text without its byte order mark.", Any, r => Encoding.BigEndianUnicode.GetBytes(Good(r)));
        yield return Bytes("utf32le-without-bom", "UTF-32 text without its byte order mark.", Any, r => new UTF32Encoding(false, false).GetBytes(Good(r)));
        yield return Bytes("utf16-bom-utf8-body", "a UTF-16 byte order mark in front of UTF-8 text.", NotImported, r => [0xFF, 0xFE, .. HostileRows.Utf8(Good(r))]);
        yield return Bytes("utf8-bom-utf16-body", "a UTF-8 byte order mark in front of UTF-16 text.", NotImported, r => [0xEF, 0xBB, 0xBF, .. Encoding.Unicode.GetBytes(Good(r))]);
        yield return Bytes("utf8-bom-twice", "two UTF-8 byte order marks at the start.", Any, r => [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. HostileRows.Utf8(Good(r))]);
        yield return Text("bom-every-line", "a byte order mark at the start of every line, as when files are concatenated.", Any, r =>
            string.Concat(Good(r).Split('\n').Select(l => l.Length == 0 ? "" : "\uFEFF" + l + "\n")));
        yield return Text("bom-mid-file", "a byte order mark inside one value in the middle of the file.", Any, r =>
            HostileRows.Csv(HostileRows.WithValue(r, HostileRows.School, "School\uFEFF B")));
        yield return Text("bom-inside-id", "a byte order mark glued to one id, making it look like another.", Any, r =>
        {
            var rows = HostileRows.Good(r);
            rows[3][HostileRows.Id] = "\uFEFF" + rows[3][HostileRows.Id];
            return HostileRows.Csv(rows);
        });
        yield return Bytes("utf8-truncated-sequence", "the file ends in the middle of a UTF-8 character.", Any, r =>
        {
            var bytes = HostileRows.Utf8(HostileRows.Csv(HostileRows.WithValue(r, HostileRows.School, "Ecole Séverine")).TrimEnd('\n') + "é");
            return bytes[..^1];
        });
        yield return Bytes("utf8-invalid-bytes-in-id", "bytes 0xFF 0xFE inside an id: not UTF-8 at all.", NotImported | Imported, r => Splice(r, HostileRows.Id, [0xFF, 0xFE]));
        yield return Bytes("utf8-overlong-slash", "an overlong UTF-8 encoding of '/' inside a school name.", NotImported | Imported, r => Splice(r, HostileRows.School, [0xC0, 0xAF]));
        yield return Bytes("utf8-lone-surrogate", "a UTF-16 surrogate encoded as UTF-8 (CESU) inside a value.", NotImported | Imported, r => Splice(r, HostileRows.School, [0xED, 0xA0, 0x80]));
        yield return Bytes("latin1-and-utf8-mixed", "half the names in UTF-8, one in Latin-1.", Any, r =>
        {
            var utf8 = HostileRows.Utf8(HostileRows.Csv(HostileRows.WithValue(r, HostileRows.School, "Ecole Pléiade")));
            return [.. utf8, .. Encoding.Latin1.GetBytes(HostileRows.Csv([["H99", "F", "Lycée Pasteur", "50", "51"]], header: null))];
        });
        yield return Bytes("windows1252-smart-quotes", "Windows-1252 curly quotes and a euro sign in a school name.", Any, r =>
            [.. HostileRows.Utf8(HostileRows.Csv(HostileRows.Good(r))), .. new byte[] { (byte)'H', (byte)'9', (byte)'8', (byte)',', (byte)'F', (byte)',', 0x93, (byte)'S', 0x94, 0x80, (byte)',', (byte)'5', (byte)'0', (byte)',', (byte)'5', (byte)'1', (byte)'\n' }]);
        yield return Text("nul-in-value", "a NUL character inside a school name.", NotImported, r => HostileRows.Csv(HostileRows.WithValue(r, HostileRows.School, "School\0A")));
        yield return Text("nul-in-id", "a NUL character inside an id.", NotImported, r =>
        {
            var rows = HostileRows.Good(r);
            rows[2][HostileRows.Id] += "\0";
            return HostileRows.Csv(rows);
        });
        yield return Bytes("nul-padding-at-end", "the data followed by 4 KB of NUL bytes, as a file cut off by a crash.", Any, r => [.. HostileRows.Utf8(Good(r)), .. new byte[4096]]);
        yield return Bytes("nul-only", "8 KB of NUL bytes.", NotImported, _ => new byte[8192]);
        yield return Text("control-bell-in-gender", "a bell character in a gender.", NotImported, r => HostileRows.Csv(HostileRows.WithValue(r, HostileRows.Gender, "F\u0007")));
        yield return Text("control-escape-sequence", "an ANSI escape sequence (clear screen) in a school name.", NotImported, r => HostileRows.Csv(HostileRows.WithValue(r, HostileRows.School, "\u001b[2J\u001b[31mSchool A")));
        yield return Text("control-delete-in-id", "a DEL character inside an id.", NotImported, r =>
        {
            var rows = HostileRows.Good(r);
            rows[4][HostileRows.Id] += "\u007f";
            return HostileRows.Csv(rows);
        });
        yield return Text("control-backspace-in-school", "backspaces that hide part of a school name.", NotImported, r => HostileRows.Csv(HostileRows.WithValue(r, HostileRows.School, "School A\b\b\bB")));
        yield return Text("control-vertical-tab", "a vertical tab in a value.", NotImported, r => HostileRows.Csv(HostileRows.WithValue(r, HostileRows.School, "School\vA")));
        yield return Text("control-form-feed", "a form feed in a value.", NotImported, r => HostileRows.Csv(HostileRows.WithValue(r, HostileRows.Gender, "\fM")));
        yield return Text("control-c1-next-line", "a C1 control (NEL) inside an id.", NotImported | Imported, r =>
        {
            var rows = HostileRows.Good(r);
            rows[1][HostileRows.Id] += "\u0085";
            return HostileRows.Csv(rows);
        });
        yield return Text("control-ctrl-z-at-end", "a DOS end-of-file character (Ctrl-Z) after the last line.", Any, r => Good(r) + "\u001a");
        yield return Text("unicode-line-separator", "a Unicode line separator inside a school name.", Any, r => HostileRows.Csv(HostileRows.WithValue(r, HostileRows.School, "School\u2028A")));
        yield return Text("unicode-zero-width-in-id", "a zero-width space inside an id: two ids that look the same.", Any, r =>
        {
            var rows = HostileRows.Good(r);
            rows[6][HostileRows.Id] = rows[5][HostileRows.Id] + "\u200B";
            return HostileRows.Csv(rows);
        });
        yield return Text("unicode-right-to-left-override", "a right-to-left override that reverses how an id is shown.", Any, r =>
        {
            var rows = HostileRows.Good(r);
            rows[0][HostileRows.Id] = "\u202E" + rows[0][HostileRows.Id];
            return HostileRows.Csv(rows);
        });
        yield return Text("unicode-noncharacter", "the noncharacter U+FFFF in a school name.", Any, r => HostileRows.Csv(HostileRows.WithValue(r, HostileRows.School, "School\uFFFF")));
        yield return Text("unicode-replacement-characters", "replacement characters where a transcoding lost the letters.", Any, r => HostileRows.Csv(HostileRows.WithValue(r, HostileRows.School, "\uFFFD\uFFFDcole \uFFFD")));
    }

    private static string Good(Random random) => HostileRows.Csv(HostileRows.Good(random));

    private static HostileFileKind Text(string name, string why, HostileOutcomes allowed, Func<Random, string> text) =>
        new(name, char.ToUpperInvariant(why[0]) + why[1..], allowed, ".csv", r => HostileRows.Utf8(text(r)));

    private static HostileFileKind Bytes(string name, string why, HostileOutcomes allowed, Func<Random, byte[]> bytes) =>
        new(name, char.ToUpperInvariant(why[0]) + why[1..], allowed, ".csv", bytes);

    /// <summary>A good file with <paramref name="bytes"/> inserted inside one row's value of <paramref name="column"/>.</summary>
    private static byte[] Splice(Random random, int column, byte[] bytes)
    {
        const string Marker = "@@SPLICE@@";
        var rows = HostileRows.Good(random);
        rows[random.Next(rows.Count)][column] += Marker;
        var text = HostileRows.Csv(rows);
        var at = text.IndexOf(Marker, StringComparison.Ordinal);
        return [.. HostileRows.Utf8(text[..at]), .. bytes, .. HostileRows.Utf8(text[(at + Marker.Length)..])];
    }
}
