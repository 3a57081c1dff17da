using System.Globalization;

namespace GradeLens.Core.Risk;

/// <summary>
/// Attributes a risk model leaves out unless the user includes them knowingly: characteristics a student cannot change
/// and must not be scored up or down for (equality law's protected characteristics, as school data names them).
/// </summary>
public static class ProtectedAttributes
{
    private static readonly string[] Words =
    [
        "gender", "sex", "ethnicity", "ethnic", "race", "disability", "disabled", "religion", "belief", "nationality",
        "sexual orientation", "pregnancy", "maternity", "marital", "gender identity", "sen", "send", "special educational needs",
    ];

    /// <summary>True for "gender", "Sex", "race/ethnicity", "Ethnic group", "SEN status", "disability"...</summary>
    public static bool IsProtected(string attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        var name = attribute.Trim().ToLower(CultureInfo.InvariantCulture);
        var tokens = name.Split([' ', '/', '_', '-', '(', ')', '.'], StringSplitOptions.RemoveEmptyEntries);
        return Words.Any(w => w.Contains(' ', StringComparison.Ordinal) ? name.Contains(w, StringComparison.Ordinal) : tokens.Contains(w));
    }
}
