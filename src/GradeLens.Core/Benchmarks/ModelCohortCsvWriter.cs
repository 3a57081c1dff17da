using System.Globalization;
using System.Text;
using GradeLens.Core.Demo;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Benchmarks;

/// <summary>
/// Writes the models benchmark's long CSV: a national cohort of N students x Maths and English in Mock 1, Mock 2 and
/// Final (percent), with a school (too many to encode), region, lunch, an IMD band missing for about one in ten,
/// absences (a number), gender and a final result (Pass, Fail, Withdrawn). Realistic missingness: weak students skip
/// Mock 2 far more often, and withdrawn students have no Final. Deterministic from the seed.
/// </summary>
public static class ModelCohortCsvWriter
{
    public static readonly string[] Subjects = ["Maths", "English"];

    public static ImportMapping Mapping { get; } = new()
    {
        Columns =
        [
            new() { Header = "student_id", Role = ColumnRole.StudentId },
            new() { Header = "school", Role = ColumnRole.School },
            new() { Header = "region", Role = ColumnRole.Region },
            new() { Header = "gender", Role = ColumnRole.Gender },
            new() { Header = "lunch", Role = ColumnRole.Attribute },
            new() { Header = "imd_band", Role = ColumnRole.Attribute },
            new() { Header = "absences", Role = ColumnRole.Attribute },
            new() { Header = "final_result", Role = ColumnRole.Attribute },
            new() { Header = "subject", Role = ColumnRole.Subject },
            new() { Header = "series", Role = ColumnRole.Series },
            new() { Header = "date", Role = ColumnRole.Date },
            new() { Header = "score", Role = ColumnRole.Score, Scale = GradeScales.PercentId },
        ],
    };

    public static void Write(string path, int students, int seed = 13)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        writer.Write("student_id,school,region,gender,lunch,imd_band,absences,final_result,subject,series,date,score\n");
        var line = new StringBuilder(128);
        for (var i = 0; i < students; i++)
        {
            var ability = random.Normal();
            var free = random.NextDouble() < 0.25 + (0.1 * Math.Max(-1, -ability));
            var band = random.NextDouble() < 0.1 ? "" : ((int)Math.Clamp(5 + (ability * 2) + random.Normal(), 1, 10)).ToString(CultureInfo.InvariantCulture) + "0%";
            var absences = (int)Math.Max(0, Math.Round(6 - (2 * ability) + (random.Normal() * 3)));
            var withdrawn = random.NextDouble() < 0.08 + (0.08 * Math.Max(0, -ability));
            var finalScore = 55 + (15 * ability) + (random.Normal() * 8);
            var result = withdrawn ? "Withdrawn" : finalScore < 40 ? "Fail" : "Pass";
            var prefix = string.Create(CultureInfo.InvariantCulture,
                $"N{i:D7},School {random.Next(400):D3},Region {random.Next(8) + 1},{(random.Next(2) == 0 ? 'F' : 'M')},{(free ? "free" : "standard")},{band},{absences},{result},");
            foreach (var subject in Subjects)
            {
                var own = ability + (random.Normal() * 0.5);
                foreach (var (series, date) in new[] { ("Mock 1", "2025-12-01"), ("Mock 2", "2026-03-02"), ("Final", "2026-06-20") })
                {
                    if ((series == "Mock 2" && random.NextDouble() < 0.05 + (0.25 * Math.Max(0, -own))) || (series == "Final" && withdrawn))
                    {
                        continue;
                    }

                    var score = Math.Clamp(Math.Round(55 + (15 * own) + (random.Normal() * (series == "Final" ? 8 : 11))), 0, 100);
                    line.Clear().Append(prefix).Append(subject).Append(',').Append(series).Append(',').Append(date).Append(',')
                        .Append(score.ToString(CultureInfo.InvariantCulture)).Append('\n');
                    writer.Write(line);
                }
            }
        }
    }
}
