using System.Globalization;
using System.Text;

namespace GradeLens.Core.Hostile;

/// <summary>
/// The good rows a hostile file spoils: students "H..." (never the probe's own "S..."), gender, school and two scores on
/// 0-100, as <see cref="Header"/> names them; and how to write them as text.
/// </summary>
internal static class HostileRows
{
    public const string Header = "student_id,gender,school,math score,reading score";

    public const int Id = 0;
    public const int Gender = 1;
    public const int School = 2;
    public const int Math = 3;
    public const int Reading = 4;

    public static string[] HeaderFields => Header.Split(',');

    /// <summary><paramref name="count"/> good rows with distinct ids.</summary>
    public static List<string[]> Good(Random random, int count = 8, string prefix = "H")
    {
        var start = random.Next(100, 900) * 100;
        var rows = new List<string[]>(count);
        for (var i = 0; i < count; i++)
        {
            rows.Add(
            [
                prefix + (start + i).ToString(CultureInfo.InvariantCulture),
                random.Next(2) == 0 ? "F" : "M",
                "School " + (char)('A' + random.Next(3)),
                random.Next(20, 96).ToString(CultureInfo.InvariantCulture),
                random.Next(20, 96).ToString(CultureInfo.InvariantCulture),
            ]);
        }

        return rows;
    }

    /// <summary>Good rows with <paramref name="value"/> in <paramref name="column"/> of one random row (<paramref name="times"/> rows when asked).</summary>
    public static List<string[]> WithValue(Random random, int column, string value, int times = 1)
    {
        var rows = Good(random);
        foreach (var row in rows.OrderBy(_ => random.Next()).Take(times))
        {
            row[column] = value;
        }

        return rows;
    }

    /// <summary>A CSV text: the header (unless null) and the rows, each field quoted where it must be.</summary>
    public static string Csv(IEnumerable<string[]> rows, string? header = Header, char delimiter = ',', string newline = "\n")
    {
        var text = new StringBuilder();
        if (header is not null)
        {
            text.Append(header.Replace(',', delimiter)).Append(newline);
        }

        foreach (var row in rows)
        {
            text.AppendJoin(delimiter, row.Select(f => Field(f, delimiter))).Append(newline);
        }

        return text.ToString();
    }

    /// <summary>A CSV text joined as given, nothing quoted (for kinds whose damage is the quoting itself).</summary>
    public static string Raw(IEnumerable<string[]> rows, string? header = Header, string newline = "\n") =>
        (header is null ? "" : header + newline) + string.Concat(rows.Select(r => string.Join(',', r) + newline));

    /// <summary>"a score of NaN" -> "A score of NaN.".</summary>
    public static string Sentence(string why) => char.ToUpperInvariant(why[0]) + why[1..] + (why.EndsWith('.') ? "" : ".");

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static string Field(string value, char delimiter) =>
        value.Contains(delimiter, StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal)
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
