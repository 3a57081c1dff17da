namespace GradeLens.Core.Tracking;

/// <summary>
/// One box of a subject's series-by-series box plot. Quartiles are linearly interpolated between order
/// statistics (Hyndman and Fan type 7: numpy's and Excel's default); whiskers reach the furthest values within
/// 1.5 x IQR of the box (Tukey).
/// </summary>
/// <param name="Series">Series name as imported ("MOCK 1"); for the baseline, where it came from ("BASELINE").</param>
/// <param name="IsBaseline">The expected grades, drawn first.</param>
/// <param name="Minimum">The lowest score: one pupil's, so null for an aggregates-only caller (as the whiskers and the maximum).</param>
public sealed record SeriesBox(
    string Series,
    bool IsBaseline,
    long N,
    double? Minimum,
    double? LowerWhisker,
    double Q1,
    double Median,
    double Q3,
    double? UpperWhisker,
    double? Maximum,
    double Mean);

/// <summary>Which students a tracking view covers: a subject, optionally one group (teaching group, gender, any attribute).</summary>
/// <param name="Attribute">school, region, grade_level, gender, or the name of any imported attribute ("teaching_group").</param>
public sealed record TrackingFilter(string Subject, string? Attribute = null, string? Value = null)
{
    public const string QuartileMethod = "Quartiles are interpolated linearly between data points (type 7, as numpy and Excel's QUARTILE.INC); whiskers reach the furthest point within 1.5 IQR.";
}
