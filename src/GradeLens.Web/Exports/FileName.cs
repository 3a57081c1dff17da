using System.Text;

namespace GradeLens.Web.Exports;

/// <summary>Download names and bodies: a file name part from any text, and CSV for spreadsheets (UTF-8 with a byte-order mark, so Excel reads Arabic right).</summary>
public static class FileName
{
    /// <summary>"Race/ethnicity" -> "race-ethnicity": letters and digits of any script kept, everything else one hyphen.</summary>
    public static string Part(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var part = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            part.Append(char.IsLetterOrDigit(c) ? c : '-');
        }

        var joined = string.Join('-', part.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return joined.Length == 0 ? "table" : joined[..Math.Min(joined.Length, 60)];
    }

    public static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
}
