using GradeLens.Core.Quality;

namespace GradeLens.Core.Demo;

/// <summary>
/// A university's teaching-quality data: 6 programmes x 3 terms x 8 modules, with assessments (due and returned
/// dates spread over every turnaround bin), grades whose module pass rates run from about 55% to 98%, surveys
/// and support visits; a handful of modules are at risk (pass rate under 70% and survey mean under 3.5).
/// </summary>
internal static class UniversityQuality
{
    private static readonly string[] Programmes = ["Medicine", "Law", "Engineering", "Business", "Computer Science", "Nursing"];
    private static readonly (string Term, DateOnly Start)[] Terms = [("2024-Fall", new(2024, 9, 23)), ("2025-Spring", new(2025, 1, 27)), ("2025-Fall", new(2025, 9, 22))];
    private static readonly string[] Questions = ["Teaching was clear", "Feedback was helpful", "The module was well organised"];

    public static QualityData Generate(Random random)
    {
        var programmes = Programmes.Select((p, i) => new Programme($"P{i + 1}", p, i < 1 || p == "Nursing" ? "Health" : i < 3 ? "Law and Engineering" : "Business and Computing")).ToList();
        var modules = new List<CourseModule>();
        var enrolments = new List<Enrolment>();
        var assessments = new List<ModuleAssessment>();
        var grades = new List<AssessmentGrade>();
        var surveys = new List<SurveyResponse>();
        var visits = new List<SupportVisit>();
        foreach (var programme in programmes)
        {
            foreach (var (term, start) in Terms)
            {
                for (var m = 1; m <= 8; m++)
                {
                    var module = new CourseModule($"{programme.ProgrammeId}-{term}-M{m}", programme.ProgrammeId, $"{programme.Name} module {m}", term);
                    modules.Add(module);
                    // Module difficulty sets its pass rate (about 55%-98%) and, with it, how students rate it.
                    var difficulty = random.NextDouble();
                    var meanMark = 74 - 26 * difficulty;
                    var satisfaction = 4.3 - 1.5 * difficulty + random.Normal(0, 0.25);
                    var moduleAssessments = Enumerable.Range(1, 2 + random.Next(2)).Select(a =>
                    {
                        var due = start.AddDays(30 * a + random.Next(10));
                        var turnaround = random.Next(4) switch { 0 => random.Next(5, 11), 1 => random.Next(11, 16), 2 => random.Next(16, 21), _ => random.Next(21, 35) };
                        DateOnly? returned = random.Chance(0.04) ? null : due.AddDays(turnaround);
                        return new ModuleAssessment($"{module.ModuleId}-A{a}", module.ModuleId, $"Assessment {a}", due, returned, 0);
                    }).ToList();
                    moduleAssessments = moduleAssessments.Select(a => a with { Weight = 1.0 / moduleAssessments.Count }).ToList();
                    assessments.AddRange(moduleAssessments);
                    var size = 40 + random.Next(81);
                    for (var s = 0; s < size; s++)
                    {
                        var student = $"U{programme.ProgrammeId}{random.Next(400):D3}";
                        enrolments.Add(new Enrolment(student, module.ModuleId));
                        var ability = random.Normal(0, 12);
                        foreach (var a in moduleAssessments)
                        {
                            var submitted = random.Chance(0.97);
                            grades.Add(new AssessmentGrade(student, a.AssessmentId, submitted ? a.DueOn.AddDays(-random.Next(3)) : null,
                                submitted ? Math.Clamp(Math.Round(meanMark + ability + random.Normal(0, 8)), 0, 100) : null));
                        }

                        if (random.Chance(0.6))
                        {
                            surveys.AddRange(Questions.Select(q => new SurveyResponse(student, module.ModuleId, q, (int)Math.Clamp(Math.Round(satisfaction + random.Normal(0, 0.8)), 1, 5))));
                        }

                        for (var v = random.Next(4); v > 0; v--)
                        {
                            visits.Add(new SupportVisit(student, module.ModuleId, start.AddDays(random.Next(100))));
                        }
                    }
                }
            }
        }

        return new QualityData(programmes, modules, enrolments, assessments, grades, surveys, visits);
    }
}
