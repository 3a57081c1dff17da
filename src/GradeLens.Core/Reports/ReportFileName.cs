using System.Text;

namespace GradeLens.Core.Reports;

/// <summary>File names from data (a subject, a series): letters and digits of any script kept, anything else one underscore.</summary>
public static class ReportFileName
{
    public static string Of(string stem, params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(stem);
        ArgumentNullException.ThrowIfNull(parts);
        return string.Join('_', new[] { stem }.Concat(parts.Select(Part)).Where(p => p.Length > 0));
    }

    /// <summary>"English Language" -> "english_language"; "Race/ethnicity" -> "race_ethnicity"; at most 50 characters.</summary>
    public static string Part(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var part = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            part.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        var joined = string.Join('_', part.ToString().Split('_', StringSplitOptions.RemoveEmptyEntries));
        return joined[..Math.Min(joined.Length, 50)];
    }
}
