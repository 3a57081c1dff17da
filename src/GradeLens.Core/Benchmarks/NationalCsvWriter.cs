using System.Globalization;
using System.Text;
using GradeLens.Core.Demo;

namespace GradeLens.Core.Benchmarks;

/// <summary>
/// Writes the import benchmark's national-style long CSV: N students x 4 subjects,
/// columns student_id,school,region,grade,gender,subject,score (about 170 MB for a million students).
/// Deterministic from the seed.
/// </summary>
public static class NationalCsvWriter
{
    public static readonly string[] Subjects = ["Arabic", "English", "French", "Math"];
    public const int Regions = 8;
    public const int SchoolsPerRegion = 150;

    public static void Write(string path, int students, int seed = 7, IProgress<double>? progress = null)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        writer.Write("student_id,school,region,grade,gender,subject,score\n");
        var line = new StringBuilder(64);
        for (var i = 0; i < students; i++)
        {
            var region = random.Next(Regions);
            var school = region * SchoolsPerRegion + random.Next(SchoolsPerRegion);
            var grade = 1 + random.Next(6);
            var female = random.Next(2) == 0;
            var ability = random.Normal() * 14;
            for (var s = 0; s < Subjects.Length; s++)
            {
                var mean = 58 - region * 2.5 + grade * 0.8 + (female && s < 3 ? 4 : 0);
                var score = Math.Clamp(Math.Round(mean + ability + random.Normal() * 9), 0, 100);
                line.Clear()
                    .Append('S').Append(i.ToString("D7", CultureInfo.InvariantCulture)).Append(',')
                    .Append("SCH").Append(school.ToString("D4", CultureInfo.InvariantCulture)).Append(',')
                    .Append("Region ").Append(region + 1).Append(',')
                    .Append(grade).Append(',')
                    .Append(female ? 'F' : 'M').Append(',')
                    .Append(Subjects[s]).Append(',')
                    .Append(score.ToString(CultureInfo.InvariantCulture)).Append('\n');
                writer.Write(line);
            }

            if (progress is not null && i % 50_000 == 0)
            {
                progress.Report((double)i / students);
            }
        }
    }
}
