namespace GradeLens.Core.Gaps;

/// <summary>
/// A cell's figures over all its students: the Gaps page's heatmap and table. A suppressed cell (too few students,
/// or suppressed so a small one cannot be worked out from a total) carries no figures at all.
/// </summary>
/// <param name="Region">Null for all regions (a total), as with <paramref name="School"/> and <paramref name="GradeLevel"/>.</param>
/// <param name="Lower">95% confidence interval of the mean (Student's t).</param>
/// <param name="PercentBelow">Share below the assessment's proficiency threshold, 0 to 100.</param>
public sealed record CellFigures(
    string Series, string Subject, string Domain, string? Region, string? School, string? GradeLevel,
    bool Suppressed, long? Students, double? Mean, double? StandardDeviation, double? StandardError,
    double? Lower, double? Upper, double? PercentBelow);

/// <summary>
/// One gap: a group against another (an attribute with two values) or against the rest of the cell's students
/// (more values), with both tests, the effect size and the q-value over every gap of the table. A is minus B throughout.
/// </summary>
/// <param name="Comparison">The other group, or "rest" for every other group pooled.</param>
/// <param name="GapPoints">Mean of the group minus mean of the comparison, in score points.</param>
/// <param name="GapLower">95% confidence interval of <paramref name="GapPoints"/> (Welch: t quantile at its degrees of freedom).</param>
/// <param name="GapPercentagePoints">% below proficiency of the group minus the comparison's.</param>
/// <param name="PBelow">Two-proportion z-test's p-value for the % below.</param>
/// <param name="Q">Benjamini-Hochberg q-value of the Welch test among all the table's gaps.</param>
/// <param name="Significant">q at or below the table's alpha.</param>
public sealed record GapRow(
    string Series, string Subject, string Domain, string? Region, string? School, string? GradeLevel,
    string Attribute, string Group, string Comparison,
    long GroupStudents, long ComparisonStudents,
    double GroupMean, double ComparisonMean, double GapPoints, double? GapLower, double? GapUpper,
    double GroupPercentBelow, double ComparisonPercentBelow, double GapPercentagePoints,
    double? T, double? DegreesOfFreedom, double? P,
    double? Z, double? PBelow,
    double? HedgesG, double? HedgesGLower, double? HedgesGUpper,
    double? Q, bool Significant)
{
    public CellKey Cell => new(Series, Subject, Domain, Region, School, GradeLevel);
}

/// <summary>Everything the Gaps and Equity pages and <c>gradelens gaps</c> show, suppression applied.</summary>
/// <param name="Within">The dimensions of the finest cells ("region", "grade_level"...).</param>
/// <param name="Thresholds">Each subject's proficiency threshold, in words.</param>
/// <param name="SuppressedCells">Cells with no figures (too small, or complementary).</param>
/// <param name="SuppressedGroups">Groups left out of gaps in cells that are shown.</param>
public sealed record GapTable(
    string Attribute,
    IReadOnlyList<string> Attributes,
    IReadOnlyList<string> Within,
    int MinimumCellSize,
    double Alpha,
    IReadOnlyList<string> Thresholds,
    IReadOnlyList<CellFigures> Cells,
    IReadOnlyList<GapRow> Gaps,
    int SuppressedCells,
    int SuppressedGroups);
