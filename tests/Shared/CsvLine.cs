using System.Text;

namespace GradeLens.Testing;

/// <summary>Reading back the CSV the product writes, in tests.</summary>
public static class CsvLine
{
    /// <summary>One CSV line's fields (RFC 4180): fields in double quotes may hold commas, and a doubled quote inside is one quote.</summary>
    public static List<string> Fields(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
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
}
