namespace GradeLens.Core.Quality;

/// <summary>A module's pass rate: <see cref="ProportionEstimate.From"/> counts its students with a module mark.</summary>
/// <param name="StudentsWithoutMark">Enrolled students with no mark at all (left out under <see cref="MissingSubmission.LeftOut"/>; published as counts are).</param>
public sealed record ModulePassRate(
    string ModuleId, string Title, string ProgrammeId, string Programme, string? Faculty, string Term,
    ProportionEstimate PassRate, long StudentsWithoutMark);

/// <summary>A programme's pass rate in one term: over its module results (a student in three modules counts three times).</summary>
/// <param name="Students">Distinct students with a module mark, as published.</param>
public sealed record ProgrammePassRate(
    string ProgrammeId, string Programme, string? Faculty, string Term, long Students, ProportionEstimate PassRate);

/// <summary>Pass rates per module and per programme x term, with the mark rule they were computed by.</summary>
public sealed record PassRates(string Rule, IReadOnlyList<ModulePassRate> Modules, IReadOnlyList<ProgrammePassRate> Programmes);

public enum TurnaroundStatus
{
    Returned,

    /// <summary>Due but not returned by the caller's date.</summary>
    Outstanding,

    /// <summary>Not due yet on the caller's date.</summary>
    NotYetDue,
}

/// <summary>One assessment's feedback turnaround, or (outstanding) its age so far, in calendar and working days.</summary>
/// <param name="CalendarDays">Returned: returned - due; outstanding: as-of date - due; null when not yet due.</param>
/// <param name="WorkingDays">The same in working days (after the deadline, up to and including the day).</param>
/// <param name="Bin">The study's bin of the calendar days (returned only): "≤10", "11-15", "16-20", ">20".</param>
/// <param name="WorkingBin">The same bins over working days.</param>
/// <param name="Late">Over the policy limit in working days (returned late, or outstanding past it); null when not yet due.</param>
public sealed record AssessmentTurnaround(
    string AssessmentId, string Title, string ModuleId, string ModuleTitle, string ProgrammeId, string Programme, string Term,
    DateOnly DueOn, DateOnly? ReturnedOn, TurnaroundStatus Status, int? CalendarDays, int? WorkingDays, string? Bin, string? WorkingBin, bool? Late);

/// <summary>Returned assessments per bin, counted by calendar and by working days.</summary>
public sealed record TurnaroundBin(string Label, long Calendar, long Working);

/// <summary>
/// A programme's feedback in one term. <see cref="WithinPolicy"/> is on-time returns over returns plus work
/// outstanding past the limit (work still inside the limit is not judged yet).
/// </summary>
public sealed record TurnaroundGroup(
    string ProgrammeId, string Programme, string Term, long Returned, long Outstanding, long OutstandingLate,
    double? MedianWorkingDays, ProportionEstimate WithinPolicy);

public sealed record TurnaroundAnswer(
    DateOnly AsOf, int PolicyWorkingDays, string Calendar, IReadOnlyList<TurnaroundBin> Bins, ProportionEstimate WithinPolicy,
    IReadOnlyList<TurnaroundGroup> Programmes, IReadOnlyList<AssessmentTurnaround> Assessments);

/// <summary>
/// The study's engagement index for a programme in a term: mean survey score x ln(1 + median support visits), the
/// median over the programme's students that term (a student without a visit counts 0).
/// </summary>
/// <param name="SurveySource">"answers", "summaries" (response-weighted means of module rows), or null without survey data.</param>
/// <param name="Suppressed">Students or responses under the minimum: no mean, median or index.</param>
public sealed record EngagementIndex(
    string ProgrammeId, string Programme, string? Faculty, string Term, long Students, long Responses,
    double? MedianVisits, double? MeanScore, double? Index, string? SurveySource, bool Suppressed);

/// <summary>
/// One survey question (or, with <see cref="Question"/> null, one theme): % positive (answers from
/// <see cref="SurveyRule.PositiveFrom"/>) with the response rate, withheld under the gate.
/// </summary>
/// <param name="Invited">Answers: students enrolled in the modules where the question was asked; summaries: the tool's figure, or null.</param>
/// <param name="Positive">Null for summaries (a mean cannot say how many answered 4-5) and when withheld.</param>
/// <param name="Withheld">Under the response-rate gate, more responses than invited, or too few responses (an unknown rate is a note, not withheld).</param>
public sealed record SurveyResult(
    string? Theme, string? Question, string Source, long Responses, long? Invited, double? ResponseRate,
    double? MeanScore, ProportionEstimate? Positive, bool Withheld, string? Note);

public sealed record EngagementAnswer(IReadOnlyList<EngagementIndex> Programmes, IReadOnlyList<SurveyResult> Surveys, IReadOnlyList<string> Notes);

/// <summary>How strongly a pass rate is below the at-risk threshold, judged by its interval (not the point estimate).</summary>
public enum RiskEvidence
{
    /// <summary>Too few students: no rate, no judgement.</summary>
    Low,

    /// <summary>The whole interval is under the threshold.</summary>
    ClearlyBelow,

    /// <summary>The interval straddles the threshold.</summary>
    PossiblyBelow,

    /// <summary>The whole interval is at or above the threshold.</summary>
    NotBelow,
}

/// <param name="AtRisk">The study's rule: pass rate under the threshold and mean survey score under its threshold.</param>
/// <param name="SurveyMean">Mean survey score; null without survey data or with too few responses.</param>
public sealed record ModuleRisk(ModulePassRate Module, double? SurveyMean, long SurveyResponses, bool AtRisk, RiskEvidence Evidence);

public sealed record AtRiskAnswer(AtRiskRule Rule, string MarkRule, IReadOnlyList<ModuleRisk> Modules);

public sealed record TrendPoint(string Term, long Students, ProportionEstimate PassRate);

/// <summary>A change between two published terms of a programme, tested by the pooled two-proportion z-test.</summary>
/// <param name="Significant">The test's p-value is under 1 - confidence: the change is beyond chance.</param>
/// <param name="IntervalsOverlap">The two Wilson intervals overlap (a stricter, visual reading).</param>
public sealed record TrendChange(string FromTerm, string ToTerm, double Difference, double? Z, double? P, bool Significant, bool IntervalsOverlap);

public sealed record ProgrammeTrend(string ProgrammeId, string Programme, string? Faculty, IReadOnlyList<TrendPoint> Terms, IReadOnlyList<TrendChange> Changes);

/// <param name="Test">How a change is judged, in words.</param>
public sealed record TrendAnswer(string Test, IReadOnlyList<string> TermOrder, IReadOnlyList<ProgrammeTrend> Programmes);
