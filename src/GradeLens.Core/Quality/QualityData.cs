namespace GradeLens.Core.Quality;

/// <summary>
/// A university's teaching-quality data: the higher-education tables of DESIGN.md (QualityTables.sql). The seven
/// positional tables are the ones every university has; survey summaries, complaints, placements and admissions are
/// there when the university exported them.
/// </summary>
public sealed record QualityData(
    IReadOnlyList<Programme> Programmes,
    IReadOnlyList<CourseModule> Modules,
    IReadOnlyList<Enrolment> Enrolments,
    IReadOnlyList<ModuleAssessment> Assessments,
    IReadOnlyList<AssessmentGrade> Grades,
    IReadOnlyList<SurveyResponse> Surveys,
    IReadOnlyList<SupportVisit> SupportVisits)
{
    /// <summary>Survey results as many survey tools export them: one row per module and theme (no single answers).</summary>
    public IReadOnlyList<SurveySummary> SurveySummaries { get; init; } = [];

    public IReadOnlyList<Complaint> Complaints { get; init; } = [];

    public IReadOnlyList<Placement> Placements { get; init; } = [];

    public IReadOnlyList<Admission> Admissions { get; init; } = [];
}

/// <param name="Faculty">The faculty (school, college) the programme belongs to; null when the university gave none.</param>
public sealed record Programme(string ProgrammeId, string Name, string? Faculty);

/// <param name="Term">Academic term, e.g. "2024-Fall".</param>
public sealed record CourseModule(string ModuleId, string ProgrammeId, string Title, string Term);

public sealed record Enrolment(string StudentId, string ModuleId);

/// <param name="DueOn">Submission deadline.</param>
/// <param name="ReturnedOn">When marks and feedback were returned; null if not yet.</param>
/// <param name="Weight">Share of the module mark (any scale: 0..1 or percentages); null when the university gave none.</param>
public sealed record ModuleAssessment(string AssessmentId, string ModuleId, string Title, DateOnly DueOn, DateOnly? ReturnedOn, double? Weight);

/// <param name="Grade">The mark, 0..100; null when not submitted.</param>
public sealed record AssessmentGrade(string StudentId, string AssessmentId, DateOnly? SubmittedOn, double? Grade);

/// <summary>One answer to one survey question.</summary>
/// <param name="StudentId">Who answered; null for an anonymous survey.</param>
/// <param name="Score">Likert 1..5.</param>
/// <param name="Theme">The question's theme (e.g. "Assessment and feedback"); null when the survey has none.</param>
public sealed record SurveyResponse(string? StudentId, string ModuleId, string Question, int Score, string? Theme = null);

/// <summary>A survey tool's aggregate: one module and theme (or question), its mean score and how many answered.</summary>
/// <param name="Invited">How many were asked, when the tool says (a response rate needs it).</param>
public sealed record SurveySummary(string ModuleId, string Theme, double MeanScore, int Responses, int? Invited);

/// <summary>A support-service visit, or (with <paramref name="Visits"/> above 1) a count of visits.</summary>
/// <param name="ModuleId">The module the visit is about, when recorded.</param>
/// <param name="VisitedOn">When, for one row per visit; null for counts.</param>
/// <param name="Term">The term the visits fall in; when null, the module's term.</param>
public sealed record SupportVisit(string StudentId, string? ModuleId, DateOnly? VisitedOn, string? Term = null, string? Service = null, int Visits = 1);

public sealed record Complaint(string? ComplaintId, string? StudentId, string Category, DateOnly SubmittedOn, DateOnly? ResolvedOn, bool? Upheld);

public sealed record Placement(string StudentId, string Partner, DateOnly? StartOn, DateOnly? EndOn, string? Outcome);

public sealed record Admission(string? ApplicationId, string? StudentId, string? Route, string OfferStatus, DateOnly? DecidedOn);
