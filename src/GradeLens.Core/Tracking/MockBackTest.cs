namespace GradeLens.Core.Tracking;

/// <summary>
/// How well one earlier series (a mock) predicted the final series of a subject, over the students who sat both.
/// The final is the subject's last series in order. "Within one grade" means the mock and final differ by at most
/// <see cref="SubjectScale.GradeStep"/>.
/// </summary>
/// <param name="MeanDifference">Mean of mock minus final: negative when the mock was marked harsher than the final.</param>
/// <param name="Correlation">Pearson's r between mock and final; null when either does not vary.</param>
public sealed record MockBackTest(
    string Subject,
    string Series,
    string FinalSeries,
    long Students,
    double MeanAbsoluteError,
    double MeanDifference,
    double? Correlation,
    double PercentWithinOneGrade,
    double GradeStep)
{
    public const string Method = "Each mock is compared with the final for the students who sat both: mean absolute error (in grades), Pearson's correlation, and the share whose mock was within one grade of their final.";
}
