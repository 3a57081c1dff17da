using GradeLens.Core.Risk;

namespace GradeLens.Core.Models;

/// <summary>What an earlier study reported for the same outcome, to set the honest cross-validated figure beside.</summary>
public sealed record PublishedFigure(string Study, string Method, double RSquared);

/// <summary>Figures published for the shared datasets (../shared/data/SOURCES.md), recognised by their columns.</summary>
public static class PublishedFigures
{
    private static readonly string[] ExamAttributes = ["gender", "race/ethnicity", "parental level of education", "lunch", "test preparation course"];

    public static PublishedFigure? For(StudentTable table, string outcome, double? below)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(outcome);
        if (below is not null || !ExamAttributes.All(a => table.AttributeNames.Contains(a, StringComparer.OrdinalIgnoreCase)))
        {
            return null;
        }

        double? r2 = outcome.Trim().ToUpperInvariant() switch
        {
            "MATHEMATICS" or "MATH" or "MATHS" => 0.242,
            "READING" => 0.115,
            "WRITING" => 0.200,
            _ => null,
        };
        return r2 is { } value ? new PublishedFigure("Exams study (StudentsPerformance.csv)", "linear regression, test R² on one 75/25 split", value) : null;
    }
}
