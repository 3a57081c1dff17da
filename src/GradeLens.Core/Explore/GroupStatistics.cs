using GradeLens.Core.Gaps;

namespace GradeLens.Core.Explore;

/// <summary>
/// One group's sufficient statistics (a value of the attribute, such as "some college"): everything the Explore tests
/// need, so SQL aggregates and no student row reaches C#.
/// </summary>
/// <param name="Name">The attribute's value.</param>
/// <param name="N">Students.</param>
/// <param name="Mean">Mean score.</param>
/// <param name="Variance">Sample variance (n - 1 denominator); 0 for a single student.</param>
/// <param name="RankSum">
/// The sum of the group's average ranks among every student compared (tied scores share the mean of their ranks),
/// for Kruskal-Wallis; null when unknown, and then there is no rank test.
/// </param>
public sealed record GroupStatistics(string Name, long N, double Mean, double Variance, double? RankSum = null)
{
    /// <summary>The same group as the Gaps tests take it (nothing below proficiency is known here). A method, so it is never serialised with the group.</summary>
    public GroupSummary ToSummary() => new(N, Mean, Variance, 0);

    internal double SumOfSquares => N > 1 ? Variance * (N - 1) : 0;
}
