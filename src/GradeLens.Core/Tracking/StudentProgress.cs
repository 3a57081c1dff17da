namespace GradeLens.Core.Tracking;

/// <summary>How a student's latest grade in a subject compares with their baseline (expected grade).</summary>
public enum BaselineStatus
{
    NoBaseline,
    Below,
    At,
    Above,
}

/// <summary>One student's path through a subject's series, against their baseline.</summary>
/// <param name="Series">Series in order, parallel to <paramref name="Scores"/>.</param>
/// <param name="Latest">The grade of the last series the student sat (the final when there is one).</param>
public sealed record StudentProgress(
    string StudentId,
    double? Baseline,
    IReadOnlyList<string> Series,
    IReadOnlyList<double> Scores,
    string LatestSeries,
    double Latest,
    double Minimum,
    double Maximum)
{
    public BaselineStatus Status => Baseline switch
    {
        null => BaselineStatus.NoBaseline,
        var b when Latest > b => BaselineStatus.Above,
        var b when Latest < b => BaselineStatus.Below,
        _ => BaselineStatus.At,
    };

    /// <summary>Latest minus baseline; null without a baseline.</summary>
    public double? Difference => Baseline is { } b ? Latest - b : null;
}

/// <summary>The students of a subject: all of them, or a stable sample when there are more than the limit.</summary>
/// <param name="Total">Students with results in the subject (within scope and filter).</param>
public sealed record SubjectStudents(string Subject, long Total, bool Sampled, IReadOnlyList<StudentProgress> Students);

/// <summary>A student's latest grade against their baseline in one subject, for the all-subjects view.</summary>
public sealed record SubjectStanding(string Subject, double? Baseline, string LatestSeries, double Latest)
{
    public double? Difference => Baseline is { } b ? Latest - b : null;

    public BaselineStatus Status => Difference switch
    {
        null => BaselineStatus.NoBaseline,
        > 0 => BaselineStatus.Above,
        < 0 => BaselineStatus.Below,
        _ => BaselineStatus.At,
    };
}

/// <summary>One of a student's results (or their baseline in a subject), for the Students page's full record.</summary>
/// <param name="Domain">'' for the whole subject.</param>
/// <param name="Series">The series; for a baseline, where it came from (YELLIS, FFT...).</param>
/// <param name="SeriesOrder">Where the series falls (baselines first), to draw a student's series in order.</param>
/// <param name="TakenOn">ISO date of the assessment, when the file gave one.</param>
/// <param name="Grade">The grade as written where the scale has labels ("U", "A*").</param>
public sealed record StudentResult(
    string Organisation, string Subject, string Domain, string Series, int SeriesOrder, bool IsBaseline, string? TakenOn, double Score, string? Grade, string Scale);
