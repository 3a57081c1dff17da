using System.Text;

namespace GradeLens.Core.Import.Reading;

/// <summary>Splits one line of delimited text into fields, honouring double quotes (RFC 4180).</summary>
internal static class CsvLine
{
    public static IReadOnlyList<string> Split(string line, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>Quotes a field for a comma-separated file when it needs it.</summary>
    public static string Quote(string value) => Quote(value, ',');

    /// <summary>Quotes a field for a file separated by <paramref name="delimiter"/> when it needs it.</summary>
    public static string Quote(string value, char delimiter) =>
        value.Contains(delimiter, StringComparison.Ordinal) || value.AsSpan().IndexOfAny("\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
