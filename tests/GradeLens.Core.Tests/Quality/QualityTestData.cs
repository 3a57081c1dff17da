using GradeLens.Core.Demo;
using GradeLens.Core.Quality;

namespace GradeLens.Core.Tests.Quality;

/// <summary>The generated universities the KPI tests run on (generated once, read by every test).</summary>
internal static class QualityTestData
{
    private static readonly Lazy<QualityData> _demo = new(() => UniversityQuality.Generate(new Random(11)));
    private static readonly Lazy<QualityData> _bench = new(() => UniversityQuality.Generate(new Random(12), UniversityShape.ForStudents(1_000)));

    /// <summary>The demo university: 6 programmes x 3 terms x 8 modules, named students, one row per visit.</summary>
    public static QualityData Demo => _demo.Value;

    /// <summary>A small benchmark university: numeric student ids, 10 weighted assessments, anonymous surveys, visit counts.</summary>
    public static QualityData Bench => _bench.Value;

    public static DateOnly AsOf { get; } = new(2026, 1, 15);

    /// <summary>
    /// One programme, one term: a module of <paramref name="students"/> students, each with one assessment; the first
    /// <paramref name="passing"/> students pass (mark 60), the others fail (mark 40).
    /// </summary>
    public static QualityData OneModule(int students, int passing, string module = "M1")
    {
        var ids = Enumerable.Range(1, students).Select(i => $"S{i}").ToList();
        return new QualityData(
            [new Programme("P1", "Physics", "Science")],
            [new CourseModule(module, "P1", "Mechanics", "2024-Fall")],
            [.. ids.Select(s => new Enrolment(s, module))],
            [new ModuleAssessment("A1", module, "Exam", new DateOnly(2024, 12, 6), new DateOnly(2024, 12, 20), 1)],
            [.. ids.Select((s, i) => new AssessmentGrade(s, "A1", new DateOnly(2024, 12, 6), i < passing ? 60 : 40))],
            [], []);
    }
}
