using System.Text;

namespace GradeLens.Core.Reports;

/// <summary>
/// A feature's own CSV (written by <see cref="Exports.CsvText"/>, as <see cref="Quality.QualityReportFiles"/> writes the
/// study's four files) taken into a <see cref="ReportTable"/> unchanged: each field is kept exactly as written (its
/// quotes, its neutralising apostrophe, its invariant number), so the report's file is the feature's, byte for byte,
/// with the report's byte-order mark and its entry in the index.
/// </summary>
public static class CsvFields
{
    public static ReportTable Table(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var records = Records(csv);
        if (records.Count == 0)
        {
            throw new ArgumentException("A CSV without a header.", nameof(csv));
        }

        var table = new ReportTable([.. records[0].Select(Unquoted)]);
        foreach (var record in records.Skip(1))
        {
            table.Row(record);
        }

        return table;
    }

    /// <summary>The records of the text, each field as written (quotes kept); line breaks inside quotes belong to their field.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Records(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var records = new List<IReadOnlyList<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        foreach (var c in csv)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (!quoted && c is ',' or '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                if (c == '\n')
                {
                    records.Add(fields);
                    fields = [];
                }

                continue;
            }

            field.Append(c);
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(fields);
        }

        return records;
    }

    /// <summary>A field's text: its quotes taken off and doubled quotes made single.</summary>
    public static string Unquoted(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : field;
    }
}
