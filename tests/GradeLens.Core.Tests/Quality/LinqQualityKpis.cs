using GradeLens.Core.Quality;

namespace GradeLens.Core.Tests.Quality;

/// <summary>
/// The Quality KPIs computed again, independently of the SQL, with plain LINQ over the generated rows: what the
/// store's answers are checked against.
/// </summary>
internal static class LinqQualityKpis
{
    /// <summary>England and Wales bank holidays 2023-2026 as gov.uk lists them (https://www.gov.uk/bank-holidays).</summary>
    public static IReadOnlySet<DateOnly> GovUkBankHolidays { get; } = new HashSet<DateOnly>(new[]
    {
        "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26",
        "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26",
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
    }.Select(DateOnly.Parse));

    /// <summary>Per enrolment with assessments: the module, the student, and their module mark (null: no mark).</summary>
    public static IReadOnlyList<(string Module, string Student, double? Mark)> ModuleMarks(QualityData data, MarkRule rule)
    {
        var assessments = data.Assessments.GroupBy(a => a.ModuleId).ToDictionary(g => g.Key, g => g.ToList());
        var grades = data.Grades.ToDictionary(g => (g.StudentId, g.AssessmentId), g => g.Grade);
        var marks = new List<(string, string, double?)>();
        foreach (var enrolment in data.Enrolments)
        {
            if (!assessments.TryGetValue(enrolment.ModuleId, out var work))
            {
                continue;
            }

            var useWeights = rule.Weighted && work.All(a => a.Weight > 0);
            double Weight(ModuleAssessment a) => useWeights ? a.Weight!.Value : 1;
            var marked = work.Where(a => grades.GetValueOrDefault((enrolment.StudentId, a.AssessmentId)) is not null).ToList();
            double? mark = rule.MissingSubmission == MissingSubmission.CountedAsZero
                ? work.Sum(a => Weight(a) * (grades.GetValueOrDefault((enrolment.StudentId, a.AssessmentId)) ?? 0)) / work.Sum(Weight)
                : marked.Count == 0 ? null : marked.Sum(a => Weight(a) * grades[(enrolment.StudentId, a.AssessmentId)]!.Value) / marked.Sum(Weight);
            marks.Add((enrolment.ModuleId, enrolment.StudentId, mark));
        }

        return marks;
    }

    /// <summary>Per module: students with a mark, how many passed, and enrolled students without a mark.</summary>
    public static IReadOnlyDictionary<string, (long Students, long Passed, long WithoutMark)> ModulePasses(QualityData data, MarkRule rule) =>
        ModuleMarks(data, rule).GroupBy(m => m.Module).ToDictionary(g => g.Key, g =>
            ((long)g.Count(m => m.Mark is not null), (long)g.Count(m => m.Mark >= rule.PassMark - 1e-9), (long)g.Count(m => m.Mark is null)));

    /// <summary>Per programme and term: distinct students with a mark, module results with a mark, and passes.</summary>
    public static IReadOnlyDictionary<(string Programme, string Term), (long Students, long Results, long Passed)> ProgrammePasses(QualityData data, MarkRule rule)
    {
        var modules = data.Modules.ToDictionary(m => m.ModuleId);
        return ModuleMarks(data, rule).Where(m => m.Mark is not null)
            .GroupBy(m => (modules[m.Module].ProgrammeId, modules[m.Module].Term))
            .ToDictionary(g => g.Key, g => ((long)g.Select(m => m.Student).Distinct().Count(), (long)g.Count(), (long)g.Count(m => m.Mark >= rule.PassMark - 1e-9)));
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>, by gov.uk's list.</summary>
    public static int WorkingDays(DateOnly from, DateOnly to) =>
        Enumerable.Range(1, Math.Max(0, to.DayNumber - from.DayNumber)).Select(from.AddDays)
            .Count(d => d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday && !GovUkBankHolidays.Contains(d));

    /// <summary>Per module: survey answers and their mean score.</summary>
    public static IReadOnlyDictionary<string, (long Responses, double Mean)> ModuleSurveys(QualityData data) =>
        data.Surveys.GroupBy(s => s.ModuleId).ToDictionary(g => g.Key, g => ((long)g.Count(), g.Average(s => (double)s.Score)));

    /// <summary>Per programme and term: students, median visits (0 for a student without), answers and mean score.</summary>
    public static IReadOnlyDictionary<(string Programme, string Term), (long Students, double Median, long Responses, double? Mean)> Engagement(QualityData data)
    {
        var modules = data.Modules.ToDictionary(m => m.ModuleId);
        var visits = data.SupportVisits
            .GroupBy(v => (v.StudentId, Term: v.Term ?? modules[v.ModuleId!].Term))
            .ToDictionary(g => g.Key, g => g.Sum(v => v.Visits));
        var answers = data.Surveys.GroupBy(s => (modules[s.ModuleId].ProgrammeId, modules[s.ModuleId].Term)).ToDictionary(g => g.Key, g => g.ToList());
        return data.Enrolments.GroupBy(e => (modules[e.ModuleId].ProgrammeId, modules[e.ModuleId].Term)).ToDictionary(g => g.Key, g =>
        {
            var students = g.Select(e => e.StudentId).Distinct().ToList();
            var counts = students.Select(s => (double)visits.GetValueOrDefault((s, g.Key.Term))).Order().ToList();
            var median = counts.Count % 2 == 1 ? counts[counts.Count / 2] : (counts[counts.Count / 2 - 1] + counts[counts.Count / 2]) / 2;
            var said = answers.GetValueOrDefault(g.Key) ?? [];
            return ((long)students.Count, median, (long)said.Count, said.Count == 0 ? (double?)null : said.Average(s => (double)s.Score));
        });
    }

    /// <summary>Per theme and question: answers, positive answers (4-5) and the students invited (enrolled where it was asked).</summary>
    public static IReadOnlyDictionary<(string Theme, string Question), (long Responses, long Positive, long Invited)> Questions(QualityData data)
    {
        var enrolled = data.Enrolments.GroupBy(e => e.ModuleId).ToDictionary(g => g.Key, g => (long)g.Count());
        return data.Surveys.GroupBy(s => (s.Theme ?? "", s.Question)).ToDictionary(g => g.Key, g =>
            ((long)g.Count(), (long)g.Count(s => s.Score >= 4), g.Select(s => s.ModuleId).Distinct().Sum(m => enrolled.GetValueOrDefault(m))));
    }
}
