namespace GradeLens.Core.Quality;

/// <summary>A university's teaching-quality data: the higher-education tables of DESIGN.md.</summary>
public sealed record QualityData(
    IReadOnlyList<Programme> Programmes,
    IReadOnlyList<CourseModule> Modules,
    IReadOnlyList<Enrolment> Enrolments,
    IReadOnlyList<ModuleAssessment> Assessments,
    IReadOnlyList<AssessmentGrade> Grades,
    IReadOnlyList<SurveyResponse> Surveys,
    IReadOnlyList<SupportVisit> SupportVisits);

public sealed record Programme(string ProgrammeId, string Name, string Faculty);

/// <param name="Term">Academic term, e.g. "2024-Fall".</param>
public sealed record CourseModule(string ModuleId, string ProgrammeId, string Title, string Term);

public sealed record Enrolment(string StudentId, string ModuleId);

/// <param name="DueOn">Submission deadline.</param>
/// <param name="ReturnedOn">When marks and feedback were returned; null if not yet.</param>
/// <param name="Weight">Share of the module mark, 0..1.</param>
public sealed record ModuleAssessment(string AssessmentId, string ModuleId, string Title, DateOnly DueOn, DateOnly? ReturnedOn, double Weight);

/// <param name="Grade">Mark 0..100; null when not submitted.</param>
public sealed record AssessmentGrade(string StudentId, string AssessmentId, DateOnly? SubmittedOn, double? Grade);

/// <param name="Score">Likert 1..5.</param>
public sealed record SurveyResponse(string StudentId, string ModuleId, string Question, int Score);

public sealed record SupportVisit(string StudentId, string ModuleId, DateOnly VisitedOn);
