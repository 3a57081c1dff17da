namespace GradeLens.Core.Areas;

/// <summary>
/// What the store holds for the Areas analysis, joined inside the store by normalised name and year: the panel of
/// scored areas (a row per area and year, the figures of every spelling of its name averaged), each panel area's code,
/// and the sub-areas (counties) with the figures of their latest year, each in its panel area where its parent names one.
/// </summary>
/// <param name="Conflicts">Panel figures that two spellings of one area gave different values for (their mean is used).</param>
public sealed record AreaStoreData(
    AreaPanel Panel,
    IReadOnlyDictionary<string, string> Codes,
    IReadOnlyList<AreaObservation> SubAreas,
    IReadOnlyList<AreaJoinIssue> Conflicts);

/// <summary>Why an area, an area-year or a ZIP code matched nothing when the store's areas were joined.</summary>
public enum AreaJoinProblem
{
    /// <summary>A ZIP code whose crosswalk row names no county.</summary>
    ZipWithoutCounty,

    /// <summary>A ZIP code whose county (by normalised name, in its state) is not among the counties.</summary>
    ZipCountyNotFound,

    /// <summary>A sub-area (county) whose parent names no scored area.</summary>
    ParentNotFound,

    /// <summary>A sub-area with no figures: nothing to predict from.</summary>
    NoFigures,

    /// <summary>A scored area-year with no measure that year: it cannot enter a model.</summary>
    ScoresWithoutFigures,

    /// <summary>An area at the scored level with figures but no score in any year.</summary>
    FiguresWithoutScores,

    /// <summary>Two spellings of one area gave different values for the same year and figure.</summary>
    ConflictingValues,
}

/// <summary>One area (or area-year) that matched nothing, with what it is and why, in a sentence.</summary>
public sealed record AreaJoinIssue(AreaJoinProblem Problem, string Level, string Area, string? Parent, int? Year, string Detail);

/// <summary>
/// The join report: how many areas, sub-areas and ZIP codes the joins placed, and every one that matched nothing, so
/// nothing is dropped silently.
/// </summary>
public sealed record AreaJoinReport(
    int Areas,
    int AreaYears,
    int SubAreas,
    int SubAreasPlaced,
    int Zips,
    int ZipsPlaced,
    IReadOnlyList<AreaJoinIssue> Issues,
    string Summary);

/// <summary>One figure's extent: area-years that have it, its range over the scored areas, and over the sub-areas (null: none).</summary>
public sealed record AreaFigureRange(string Name, int N, double Min, double Max, int FirstYear, int LastYear, double? SubAreaMin, double? SubAreaMax);

/// <summary>
/// What the Areas page opens on: the scored areas and years, every measure and score with its range, the study's
/// measures and scores present, the sub-areas (counties) and their parents, and the join report's counts.
/// </summary>
public sealed record AreaOverview(
    int Areas,
    int AreaYears,
    IReadOnlyList<int> Years,
    IReadOnlyList<AreaFigureRange> Measures,
    IReadOnlyList<AreaFigureRange> Scores,
    IReadOnlyList<string> ModelMeasures,
    IReadOnlyList<string> ModelScores,
    int SubAreas,
    int? SubAreaYear,
    IReadOnlyList<string> Parents,
    int JoinIssues,
    string JoinSummary,
    IReadOnlyList<string> Notes);

/// <summary>Which fit a prediction comes from: the store's data version it was fitted on and when.</summary>
public sealed record AreaModelVersion(string Model, string DataVersion, DateTimeOffset FittedAt);

/// <summary>OLS of each score on the measures (or on their SES composite), with the version every prediction carries.</summary>
public sealed record AreaFitSet(IReadOnlyList<string> Measures, IReadOnlyList<AreaFit> Fits, SesComposite? Composite, AreaModelVersion Version);

/// <summary>One point of the scatter: an area in a year.</summary>
public sealed record AreaScatterPoint(string Area, int Year, double Measure, double Score);

/// <summary>The fitted line at one value of the measure, with the 95% confidence band of the mean score there.</summary>
public sealed record AreaLinePoint(double Measure, double Fitted, double Lower, double Upper);

/// <summary>A measure against a score, a point per area and year (one year, or all), with the fitted line and its band.</summary>
public sealed record AreaScatter(
    string Measure,
    string Score,
    int? Year,
    IReadOnlyList<int> Years,
    IReadOnlyList<AreaScatterPoint> Points,
    IReadOnlyList<AreaLinePoint> Line,
    AreaCoefficient? Slope,
    double? RSquared,
    double? R,
    string? Reason);

/// <summary>A sub-area's predicted scores with their intervals and flags; <see cref="Extrapolated"/> when any is.</summary>
public sealed record SubAreaPrediction(
    string Area,
    string? ParentArea,
    string? Code,
    int Year,
    IReadOnlyDictionary<string, double> Measures,
    IReadOnlyList<AreaPrediction> Predictions,
    bool Extrapolated);

/// <summary>The predictions of a parent's sub-areas (or all), with the model's version and the standing notes.</summary>
/// <param name="Missing">Sub-areas left out because they lack a measure the model needs, with which.</param>
public sealed record SubAreaPredictions(
    string? Parent,
    string? Score,
    IReadOnlyList<string> Measures,
    IReadOnlyList<SubAreaPrediction> Areas,
    IReadOnlyList<AreaFit> Unfitted,
    IReadOnlyList<string> Missing,
    AreaModelVersion Version,
    IReadOnlyList<string> Notes,
    string? Reason);

/// <summary>A ZIP code, its county and that county's prediction; when there is none, <see cref="Message"/> says why in one sentence.</summary>
public sealed record ZipPrediction(
    string Zip,
    bool Found,
    string? County,
    string? State,
    string Message,
    SubAreaPrediction? Prediction,
    AreaModelVersion? Version,
    IReadOnlyList<string> Notes);

/// <summary>A what-if answer with the version of the models it came from and the standing notes.</summary>
public sealed record WhatIfAnswer(WhatIfResult Result, IReadOnlyList<string> Measures, AreaModelVersion Version, IReadOnlyList<string> Notes);
