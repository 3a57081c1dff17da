using GradeLens.Core.Quality;
using MathNet.Numerics.Distributions;

namespace GradeLens.Core.Demo;

/// <summary>
/// A university's teaching-quality data. Each module has a difficulty that sets its pass rate (about 55% to 98%) and,
/// with it, how students rate it, so a few modules are at risk, some clearly (a large module far under 70%) and some
/// possibly (an interval straddling it); a few modules are small (under the minimum of 23); some programmes return
/// feedback late; a student's ability carries across their modules; about 3% of work is not submitted and 4% of
/// assessments are not yet returned. <see cref="UniversityShape.Demo"/> is the demo's 6 programmes x 3 terms x 8
/// modules; <see cref="UniversityShape.ForStudents"/> scales to a benchmark's university.
/// </summary>
internal static class UniversityQuality
{
    private static readonly string[] DemoProgrammes = ["Medicine", "Law", "Engineering", "Business", "Computer Science", "Nursing"];
    private static readonly string[] Subjects =
    [
        "Medicine", "Law", "Engineering", "Business", "Computer Science", "Nursing", "Physics", "Chemistry", "Biology", "Mathematics",
        "History", "English", "Economics", "Psychology", "Sociology", "Pharmacy", "Architecture", "Music", "Philosophy", "Geography",
    ];

    private static readonly string[] Faculties = ["Health", "Law and Engineering", "Business and Computing", "Science", "Arts and Humanities"];

    /// <summary>The survey's questions, one per theme (the themes of the UK National Student Survey).</summary>
    public static IReadOnlyList<(string Theme, string Question)> Questions { get; } =
    [
        ("Teaching on my course", "Teaching was clear"),
        ("Assessment and feedback", "Feedback was helpful"),
        ("Organisation and management", "The module was well organised"),
        ("Learning resources", "Resources supported my learning"),
        ("Student voice", "My views were listened to"),
    ];

    public static QualityData Generate(Random random) => Generate(random, UniversityShape.Demo);

    public static QualityData Generate(Random random, UniversityShape shape)
    {
        var rows = new QualityRowLists();
        Write(random, shape, rows);
        return rows.ToData();
    }

    /// <summary>Streams the university's rows into <paramref name="sink"/> (a benchmark writes millions of grades straight to files).</summary>
    public static void Write(Random random, UniversityShape shape, IQualityRowSink sink)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(sink);
        var terms = shape.TermStarts();
        for (var p = 0; p < shape.Programmes; p++)
        {
            var name = shape.Programmes <= DemoProgrammes.Length ? DemoProgrammes[p] : $"{Subjects[p % Subjects.Length]}{(p < Subjects.Length ? "" : $" {(p / Subjects.Length) + 1}")}";
            var programme = new Programme($"P{p + 1}", name, shape.Programmes <= DemoProgrammes.Length ? DemoFaculty(name) : Faculties[p % Faculties.Length]);
            sink.AddProgramme(programme);
            var pool = Enumerable.Range(0, shape.StudentsIn(p)).Select(i => shape.StudentId(p, i)).ToArray();
            var ability = pool.Select(_ => random.Normal(0, 1)).ToArray();
            var order = Enumerable.Range(0, pool.Length).ToArray();
            var lateFeedback = p % 3 == 1; // a third of programmes return feedback late
            foreach (var (term, start) in terms)
            {
                var enrolled = new Dictionary<int, string>();
                for (var m = 1; m <= shape.ModulesPerProgrammeTerm; m++)
                {
                    var module = new CourseModule($"{programme.ProgrammeId}-{term}-M{m}", programme.ProgrammeId, $"{programme.Name} module {m}", term);
                    sink.AddModule(module);
                    var difficulty = Math.Pow(random.NextDouble(), 3); // most modules go well; a few are hard
                    var passRate = 0.98 - 0.43 * difficulty;
                    var satisfaction = 4.4 - 1.5 * difficulty + random.Normal(0, 0.2);
                    var assessments = Assessments(random, shape, module, start, lateFeedback);
                    foreach (var assessment in assessments)
                    {
                        sink.AddAssessment(assessment);
                    }

                    var size = Math.Min(pool.Length, random.Chance(0.06) ? 8 + random.Next(15) : shape.ModuleSize(random, pool.Length));
                    var responseRate = 0.35 + 0.5 * random.NextDouble();
                    for (var s = 0; s < size; s++)
                    {
                        // A partial Fisher-Yates shuffle: the module's students are distinct.
                        var pick = s + random.Next(order.Length - s);
                        (order[s], order[pick]) = (order[pick], order[s]);
                        var index = order[s];
                        var student = pool[index];
                        sink.AddEnrolment(new Enrolment(student, module.ModuleId));
                        enrolled.TryAdd(index, module.ModuleId);
                        var moduleMark = 50 + 12 * (Normal.InvCDF(0, 1, passRate) + 0.8 * ability[index] + 0.6 * random.Normal(0, 1));
                        foreach (var a in assessments)
                        {
                            var submitted = random.Chance(0.97);
                            sink.AddGrade(new AssessmentGrade(student, a.AssessmentId, submitted ? a.DueOn.AddDays(-random.Next(3)) : null,
                                submitted ? Math.Clamp(Math.Round(moduleMark + random.Normal(0, 5)), 0, 100) : null));
                        }

                        if (random.Chance(responseRate))
                        {
                            foreach (var (theme, question) in Questions.Take(shape.SurveyQuestions))
                            {
                                var score = (int)Math.Clamp(Math.Round(satisfaction + random.Normal(0, 0.9)), 1, 5);
                                sink.AddAnswer(new SurveyResponse(shape.AnonymousSurveys ? null : student, module.ModuleId, question, score, theme));
                            }
                        }
                    }
                }

                Visits(random, shape, pool, enrolled, term, start, sink);
            }
        }
    }

    private static string DemoFaculty(string programme) => programme switch
    {
        "Medicine" or "Nursing" => "Health",
        "Law" or "Engineering" => "Law and Engineering",
        _ => "Business and Computing",
    };

    private static List<ModuleAssessment> Assessments(Random random, UniversityShape shape, CourseModule module, DateOnly start, bool lateFeedback)
    {
        var count = shape.AssessmentsPerModule ?? 2 + random.Next(2);
        var weights = Enumerable.Range(0, count).Select(i => 1.0 + random.Next(3) + (i == count - 1 ? 2 : 0)).ToList();
        var total = weights.Sum();
        return [.. Enumerable.Range(0, count).Select(a =>
        {
            var due = start.AddDays(14 + a * 90 / count + random.Next(7));
            var turnaround = lateFeedback
                ? random.Next(3) switch { 0 => random.Next(12, 21), _ => random.Next(21, 40) }
                : random.Next(4) switch { 0 => random.Next(5, 11), 1 => random.Next(11, 16), 2 => random.Next(16, 21), _ => random.Next(21, 28) };
            DateOnly? returned = random.Chance(0.04) ? null : due.AddDays(turnaround);
            return new ModuleAssessment($"{module.ModuleId}-A{a + 1}", module.ModuleId, $"Assessment {a + 1}", due, returned, Math.Round(100 * weights[a] / total));
        })];
    }

    /// <summary>Support visits of the term's students: one row per visit (the demo) or a count per student and service.</summary>
    private static void Visits(Random random, UniversityShape shape, string[] pool, Dictionary<int, string> enrolled, string term, DateOnly start, IQualityRowSink sink)
    {
        string[] services = ["Academic skills", "Wellbeing", "Careers", "Library"];
        foreach (var (index, module) in enrolled.OrderBy(e => e.Key))
        {
            var visits = random.Next(5) switch { 0 => 0, 1 => 1, 2 => 2, 3 => 3, _ => 4 + random.Next(4) };
            if (shape.VisitCounts)
            {
                foreach (var group in Enumerable.Range(0, visits).GroupBy(_ => services[random.Next(services.Length)]).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    sink.AddVisit(new SupportVisit(pool[index], null, null, term, group.Key, group.Count()));
                }

                continue;
            }

            for (var v = 0; v < visits; v++)
            {
                sink.AddVisit(new SupportVisit(pool[index], module, start.AddDays(random.Next(100)), null, services[random.Next(services.Length)]));
            }
        }
    }
}

/// <summary>How big a generated university is.</summary>
/// <param name="StudentsPerProgramme">Each programme's pool of students.</param>
/// <param name="AssessmentsPerModule">Null: 2 or 3 at random (the demo).</param>
/// <param name="ModulesPerStudentTerm">How many of the term's modules a student takes, on average (sets the module sizes; the demo's are 40-120).</param>
/// <param name="VisitCounts">Support visits as counts per student, term and service (else one row per visit).</param>
public sealed record UniversityShape(
    int Programmes, int StudentsPerProgramme, int Terms, int ModulesPerProgrammeTerm, int? AssessmentsPerModule,
    double? ModulesPerStudentTerm, int SurveyQuestions, bool AnonymousSurveys, bool VisitCounts, bool NumericStudentIds)
{
    /// <summary>The demo: 6 programmes of 400 students, 3 terms, 8 modules of 40-120 students, 2-3 assessments each.</summary>
    public static UniversityShape Demo { get; } = new(6, 400, 3, 8, null, null, 3, false, false, false);

    /// <summary>A university of about <paramref name="students"/> students: at 200,000, 40 programmes, about 2,000 modules
    /// (3 terms), 10 assessments each, 2 modules per student per term, anonymous surveys and visit counts.</summary>
    public static UniversityShape ForStudents(int students)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(students, 100);
        var programmes = Math.Clamp(students / 5_000, 2, 40);
        var modules = Math.Max(2, (int)Math.Round(students / 100.0 / programmes / 3));
        return new(programmes, students / programmes, 3, modules, 10, 2, 5, true, true, true);
    }

    public int StudentsIn(int programme) => StudentsPerProgramme;

    public string StudentId(int programme, int index) => NumericStudentIds
        ? (100_000 + programme * StudentsPerProgramme + index).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : $"UP{programme + 1}{index:D3}";

    public int ModuleSize(Random random, int pool)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (ModulesPerStudentTerm is not { } perStudent)
        {
            return 40 + random.Next(81);
        }

        var mean = pool * perStudent / ModulesPerProgrammeTerm;
        return Math.Max(23, (int)Math.Round(mean * (0.5 + random.NextDouble())));
    }

    /// <summary>Terms alternate Fall and Spring, ending with 2025-Fall; the demo's three are 2024-Fall, 2025-Spring, 2025-Fall.</summary>
    public IReadOnlyList<(string Term, DateOnly Start)> TermStarts() =>
    [
        .. Enumerable.Range(0, Terms).Select(i => Terms - 1 - i).Select(back =>
        {
            var year = 2025 - (back + 1) / 2;
            return back % 2 == 0 ? ($"{year}-Fall", new DateOnly(year, 9, 22)) : ($"{year + 1}-Spring", new DateOnly(year + 1, 1, 26));
        }),
    ];
}
