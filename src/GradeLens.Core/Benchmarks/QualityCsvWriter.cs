using System.Globalization;
using System.Text;
using GradeLens.Core.Demo;
using GradeLens.Core.Import.Reading;
using GradeLens.Core.Quality;

namespace GradeLens.Core.Benchmarks;

/// <summary>
/// A generated university written as a university would export it, one CSV per table in a folder, for the Quality
/// import's benchmark: programmes, modules, enrolments, assessments (due and returned dates dd/mm/yyyy), grades (ISO
/// submission dates), survey answers and support visits. Rows stream to the files: 200,000 students are millions of grades.
/// </summary>
public sealed class QualityCsvWriter : IQualityRowSink, IDisposable
{
    private readonly string _directory;
    private readonly Dictionary<string, StreamWriter> _files = new(StringComparer.Ordinal);

    private QualityCsvWriter(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    /// <summary>Writes a university of about <paramref name="students"/> students (<see cref="UniversityShape.ForStudents"/>) into <paramref name="directory"/>.</summary>
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> Write(string directory, int students, int seed)
    {
        using var writer = new QualityCsvWriter(directory);
        UniversityQuality.Write(new Random(seed), UniversityShape.ForStudents(students), writer);
        return writer.Paths;
    }

    /// <summary>Writes <paramref name="shape"/>'s university (the tests import a small one and compare it with the generated rows).</summary>
    public static IReadOnlyList<string> Write(string directory, UniversityShape shape, int seed)
    {
        using var writer = new QualityCsvWriter(directory);
        UniversityQuality.Write(new Random(seed), shape, writer);
        return writer.Paths;
    }

    private IReadOnlyList<string> Paths => [.. _files.Keys.Select(name => Path.Combine(_directory, name)).Order(StringComparer.Ordinal)];

    public void AddProgramme(Programme programme) =>
        Row("programmes.csv", "programme_id,programme_name,faculty", programme.ProgrammeId, programme.Name, programme.Faculty);

    public void AddModule(CourseModule courseModule) =>
        Row("modules.csv", "module_code,programme,module_title,term", courseModule.ModuleId, courseModule.ProgrammeId, courseModule.Title, courseModule.Term);

    public void AddEnrolment(Enrolment enrolment) => Row("enrolments.csv", "student_id,module_code", enrolment.StudentId, enrolment.ModuleId);

    public void AddAssessment(ModuleAssessment assessment) =>
        Row("assessments.csv", "assessment_id,module_code,title,due_date,returned_date,weight", assessment.AssessmentId, assessment.ModuleId, assessment.Title,
            DayMonth(assessment.DueOn), assessment.ReturnedOn is { } returned ? DayMonth(returned) : "", Number(assessment.Weight));

    public void AddGrade(AssessmentGrade grade) =>
        Row("grades.csv", "student_id,assessment_id,submitted,mark", grade.StudentId, grade.AssessmentId, grade.SubmittedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Number(grade.Grade));

    public void AddAnswer(SurveyResponse answer) =>
        Row("survey_answers.csv", "student_id,module_code,theme,question,score", answer.StudentId, answer.ModuleId, answer.Theme, answer.Question,
            answer.Score.ToString(CultureInfo.InvariantCulture));

    public void AddVisit(SupportVisit visit)
    {
        if (visit.VisitedOn is { } date)
        {
            Row("support_visits.csv", "student_id,module_code,visit_date,service", visit.StudentId, visit.ModuleId, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), visit.Service);
            return;
        }

        Row("support_usage.csv", "student_id,term,service,visits", visit.StudentId, visit.Term, visit.Service, visit.Visits.ToString(CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        foreach (var file in _files.Values)
        {
            file.Dispose();
        }
    }

    private static string DayMonth(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private void Row(string file, string header, params ReadOnlySpan<string?> values)
    {
        if (!_files.TryGetValue(file, out var writer))
        {
            writer = new StreamWriter(Path.Combine(_directory, file), append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
            writer.Write(header);
            writer.Write('\n');
            _files[file] = writer;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(CsvLine.Quote(values[i] ?? ""));
        }

        writer.Write('\n');
    }
}
