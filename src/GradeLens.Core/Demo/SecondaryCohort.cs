using System.Globalization;
using System.Text;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Demo;

/// <summary>
/// A secondary school's GCSE tracking file, long form: Baseline (expected grade, half grades allowed), Mock 1,
/// Mock 2 and Final on the 9-1 scale, with plausible progress and spread, a few missed mocks, and U for very low.
/// </summary>
internal static class SecondaryCohort
{
    public static readonly string[] Core = ["Mathematics", "English Language"];
    public static readonly string[] Options = ["English Literature", "Biology", "Chemistry", "Physics", "History", "Geography", "French", "Art"];
    private static readonly (string Series, string Date)[] Series = [("Mock 1", "2025-12-01"), ("Mock 2", "2026-03-02"), ("Final", "2026-08-20")];

    public static DemoFile Write(string directory, int students, Random random)
    {
        var path = Path.Combine(directory, "secondary_tracking.csv");
        var text = new StringBuilder("student_id,school,teaching_group,gender,free_school_meals,sen,eal,subject,series,date,grade\n");
        for (var i = 1; i <= students; i++)
        {
            var id = "S" + i.ToString("D4", CultureInfo.InvariantCulture);
            var fsm = random.Chance(0.25);
            var student = string.Join(',', id, "Northfield Academy", "11" + (char)('A' + random.Next(8)), random.Chance(0.5) ? "F" : "M",
                fsm ? "yes" : "no", random.Chance(0.12) ? "yes" : "no", random.Chance(0.15) ? "yes" : "no");
            var ability = random.Normal(5.6 - (fsm ? 0.8 : 0), 1.3);
            var subjects = Core.Concat(Options.OrderBy(_ => random.Next()).Take(6 + random.Next(3)));
            foreach (var subject in subjects)
            {
                var baseline = Math.Clamp(Math.Round((ability + random.Normal(0, 0.6)) * 2) / 2, 1, 9);
                text.Append(CultureInfo.InvariantCulture, $"{student},{subject},Baseline,2025-09-10,{baseline}\n");
                var grade = baseline - 1 + random.Normal(0, 1.2);
                foreach (var (series, date) in Series)
                {
                    grade = series == "Mock 1" ? grade : grade + (series == "Mock 2" ? 0.5 : 0.4) + random.Normal(0, series == "Mock 2" ? 1 : 0.9);
                    if (series != "Final" && random.Chance(0.03))
                    {
                        continue; // absent from this mock
                    }

                    var whole = (int)Math.Clamp(Math.Round(grade), 0, 9);
                    text.Append(CultureInfo.InvariantCulture, $"{student},{subject},{series},{date},{(whole == 0 ? "U" : whole)}\n");
                }
            }
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return new DemoFile(path, Mapping(), $"{students} students of a secondary school: baseline, two mocks and the final, 9-1");
    }

    private static ImportMapping Mapping() => new()
    {
        BaselineSeries = ["Baseline"],
        Columns =
        [
            new() { Header = "student_id", Role = ColumnRole.StudentId },
            new() { Header = "school", Role = ColumnRole.School },
            new() { Header = "teaching_group", Role = ColumnRole.Attribute },
            new() { Header = "gender", Role = ColumnRole.Gender },
            new() { Header = "free_school_meals", Role = ColumnRole.Attribute },
            new() { Header = "sen", Role = ColumnRole.Attribute },
            new() { Header = "eal", Role = ColumnRole.Attribute },
            new() { Header = "subject", Role = ColumnRole.Subject },
            new() { Header = "series", Role = ColumnRole.Series },
            new() { Header = "date", Role = ColumnRole.Date },
            new() { Header = "grade", Role = ColumnRole.Score, Scale = GradeScales.Gcse91Id },
        ],
    };
}
