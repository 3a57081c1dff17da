namespace GradeLens.Core.Tracking;

/// <summary>In one series, how many students with a baseline scored above, at or below it.</summary>
public sealed record BaselineShare(string Series, long Students, long Above, long At, long Below)
{
    public double PercentAbove => Students == 0 ? 0 : Math.Round(100.0 * Above / Students, 1);

    public double PercentAt => Students == 0 ? 0 : Math.Round(100.0 * At / Students, 1);

    public double PercentBelow => Students == 0 ? 0 : Math.Round(100.0 * Below / Students, 1);
}

/// <summary>A student below their baseline on their latest grade in a subject.</summary>
public sealed record StudentBelowBaseline(string StudentId, double Baseline, string LatestSeries, double Latest)
{
    public double Difference => Latest - Baseline;
}

/// <summary>A subject against its baselines: shares per series, and the students furthest below on their latest grade.</summary>
public sealed record BaselineComparison(string Subject, IReadOnlyList<BaselineShare> Shares, IReadOnlyList<StudentBelowBaseline> FurthestBelow);
