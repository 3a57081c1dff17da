namespace GradeLens.Core.Areas;

/// <summary>Where an actual score lies against its 95% prediction interval.</summary>
public enum Expectation
{
    Within,
    Above,
    Below,
}

/// <summary>
/// One area-year's actual score against its prediction. <see cref="Verdict"/> is Above or Below only when the actual
/// score lies outside the 95% prediction interval [<see cref="Lower"/>, <see cref="Upper"/>].
/// </summary>
public sealed record AreaResidual(
    string Area,
    string? ParentArea,
    int Year,
    double Actual,
    double Predicted,
    double Lower,
    double Upper,
    double Residual,
    Expectation Verdict);

/// <summary>
/// An area's years above, below and within expectation. One good year is noise (1 in 40 by chance on each side), so
/// <see cref="Verdict"/> is Above or Below only when the area was outside its interval on that side in at least two
/// years and in more than half of them.
/// </summary>
public sealed record AreaPersistence(string Area, string? ParentArea, int Years, int Above, int Below, int Within, double MeanResidual, Expectation Verdict);

/// <summary>
/// Beating the odds for one score: every area-year and every area's persistence, areas ordered by mean residual
/// (highest first). Null lists with a <see cref="Reason"/> when the model cannot be fitted.
/// </summary>
/// <param name="LeaveAreaOut">True: each area is predicted by the model fitted without any of its years.</param>
public sealed record BeatingTheOddsResult(
    string Score,
    bool LeaveAreaOut,
    string Method,
    IReadOnlyList<AreaResidual>? AreaYears,
    IReadOnlyList<AreaPersistence>? Areas,
    string? Reason);
