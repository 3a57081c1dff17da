using System.Globalization;
using System.Text;

namespace GradeLens.Core.Exports;

/// <summary>
/// The one way GradeLens writes CSV (the CLI's files, the API's downloads, the reports): RFC 4180 quoting, numbers in
/// the invariant culture with round-trip precision, and text that a spreadsheet would run as a formula (starting with
/// =, +, -, @, a tab or a carriage return) neutralised by a leading apostrophe (OWASP's rule). Numbers are never
/// neutralised: they are written by <see cref="Number(double?)"/>, not as text.
/// </summary>
public sealed class CsvText
{
    private readonly StringBuilder _text = new();

    public CsvText(IEnumerable<string> header)
    {
        Row(header.Select(Text));
    }

    /// <summary>One row of fields already made by <see cref="Text"/> or <see cref="Number(double?)"/>.</summary>
    public CsvText Row(IEnumerable<string> fields)
    {
        _text.AppendJoin(',', fields).Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>A text field, quoted when it must be and neutralised when a spreadsheet would read it as a formula.</summary>
    public static string Text(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    public static string Number(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "";

    public static string Flag(bool value) => value ? "true" : "false";
}
