using System.Globalization;
using System.Text;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tests.Models;

/// <summary>
/// A generated cohort built to break models: Maths in Mock 1 (2025-12-01), Mock 2 (2026-03-02) and Final (2026-06-20),
/// percent scores following an ability; weak students often do not sit Mock 2 (non-submission carries the signal);
/// "lunch" and "meals" say the same thing in two codings (collinear), "country" never varies, "band" separates the
/// outcome (it is the Final's result in disguise), and "final_result" is an outcome column (Pass, Fail, Withdrawn).
/// </summary>
internal static class GeneratedCohort
{
    public const int Students = 300;

    public static string Csv(int seed = 11)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("student_id,gender,lunch,meals,country,band,final_result,subject,series,date,score\n");
        for (var i = 1; i <= Students; i++)
        {
            var ability = random.NextDouble();
            var free = random.NextDouble() < 0.3 + (0.3 * (1 - ability));
            var final = Math.Clamp(Math.Round(20 + (70 * ability) + ((random.NextDouble() - 0.5) * 20)), 0, 100);
            var result = final < 40 ? (random.NextDouble() < 0.4 ? "Withdrawn" : "Fail") : "Pass";
            var prefix = string.Create(CultureInfo.InvariantCulture,
                $"S{i:000},{(random.Next(2) == 0 ? "F" : "M")},{(free ? "free" : "standard")},{(free ? "yes" : "no")},UK,{(final < 50 ? "low" : "high")},{result},Maths");
            foreach (var (series, date) in new[] { ("Mock 1", "2025-12-01"), ("Mock 2", "2026-03-02"), ("Final", "2026-06-20") })
            {
                if (series == "Mock 2" && ability < 0.35 && random.NextDouble() < 0.6)
                {
                    continue;
                }

                var score = series == "Final" ? final : Math.Clamp(Math.Round(20 + (70 * ability) + ((random.NextDouble() - 0.5) * 40)), 0, 100);
                csv.Append(CultureInfo.InvariantCulture, $"{prefix},{series},{date},{score}\n");
            }
        }

        return csv.ToString();
    }

    public static ImportMapping Mapping() => new()
    {
        Columns =
        [
            new() { Header = "student_id", Role = ColumnRole.StudentId },
            new() { Header = "gender", Role = ColumnRole.Gender },
            new() { Header = "lunch", Role = ColumnRole.Attribute },
            new() { Header = "meals", Role = ColumnRole.Attribute },
            new() { Header = "country", Role = ColumnRole.Attribute },
            new() { Header = "band", Role = ColumnRole.Attribute },
            new() { Header = "final_result", Role = ColumnRole.Attribute },
            new() { Header = "subject", Role = ColumnRole.Subject },
            new() { Header = "series", Role = ColumnRole.Series },
            new() { Header = "date", Role = ColumnRole.Date },
            new() { Header = "score", Role = ColumnRole.Score, Scale = GradeScales.PercentId },
        ],
    };

    /// <summary>Imports the cohort of <paramref name="seed"/>; another seed over a stored cohort changes its values (allowed).</summary>
    public static async Task ImportAsync(IGradeStore store, string directory, int seed = 11)
    {
        var file = Path.Combine(directory, $"cohort-{seed}.csv");
        await File.WriteAllTextAsync(file, Csv(seed));
        var report = await store.ImportAsync(new ImportRequest([file], Mapping(), AllowChanges: true));
        Assert.True(report.Succeeded, report.Message);
    }
}
