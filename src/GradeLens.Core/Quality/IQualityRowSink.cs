namespace GradeLens.Core.Quality;

/// <summary>Where generated quality rows go: lists (<see cref="QualityRowLists"/>) or files (a benchmark's CSV folder).</summary>
public interface IQualityRowSink
{
    void AddProgramme(Programme programme);

    void AddModule(CourseModule courseModule);

    void AddEnrolment(Enrolment enrolment);

    void AddAssessment(ModuleAssessment assessment);

    void AddGrade(AssessmentGrade grade);

    void AddAnswer(SurveyResponse answer);

    void AddVisit(SupportVisit visit);
}

/// <summary>Collects generated rows into a <see cref="QualityData"/>.</summary>
public sealed class QualityRowLists : IQualityRowSink
{
    private readonly List<Programme> _programmes = [];
    private readonly List<CourseModule> _modules = [];
    private readonly List<Enrolment> _enrolments = [];
    private readonly List<ModuleAssessment> _assessments = [];
    private readonly List<AssessmentGrade> _grades = [];
    private readonly List<SurveyResponse> _answers = [];
    private readonly List<SupportVisit> _visits = [];

    public void AddProgramme(Programme programme) => _programmes.Add(programme);

    public void AddModule(CourseModule courseModule) => _modules.Add(courseModule);

    public void AddEnrolment(Enrolment enrolment) => _enrolments.Add(enrolment);

    public void AddAssessment(ModuleAssessment assessment) => _assessments.Add(assessment);

    public void AddGrade(AssessmentGrade grade) => _grades.Add(grade);

    public void AddAnswer(SurveyResponse answer) => _answers.Add(answer);

    public void AddVisit(SupportVisit visit) => _visits.Add(visit);

    public QualityData ToData() => new(_programmes, _modules, _enrolments, _assessments, _grades, _answers, _visits);
}
