using System.Globalization;
using System.Text;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Demo;

/// <summary>
/// A national assessment, long form: 8 regions x grades 1-6 x Arabic, English, French and Math with domains
/// named in each subject's language, percent scores. Regional, grade and gender effects are built in so that
/// some gaps are significant and some are not (girls ahead in languages, no gap in Math, reversed in one region).
/// </summary>
internal static class NationalAssessment
{
    public static readonly string[] Regions = ["Capital", "North", "Coast", "Mountain", "Valley", "South", "East", "البقاع"];
    private static readonly double[] RegionEffect = [6, -2, 3, -9, 0, -6, -3, -11];

    public static readonly IReadOnlyDictionary<string, string[]> Domains = new Dictionary<string, string[]>
    {
        ["Arabic"] = ["فهم المقروء", "القواعد", "التعبير الكتابي"],
        ["English"] = ["Reading", "Writing", "Vocabulary"],
        ["French"] = ["Compréhension écrite", "Grammaire"],
        ["Math"] = ["Numbers", "Geometry", "Measurement"],
    };

    public static DemoFile Write(string directory, int students, Random random)
    {
        var path = Path.Combine(directory, "national_assessment.csv");
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        writer.Write("student_id,school,region,grade,gender,lunch,disability,subject,domain,score\n");
        var subjects = Domains.Keys.ToArray();
        var line = new StringBuilder(96);
        for (var i = 1; i <= students; i++)
        {
            var region = random.Next(Regions.Length);
            var school = $"{Regions[region]} School {1 + random.Next(20):D2}";
            var grade = 1 + random.Next(6);
            var girl = random.Chance(0.5);
            var freeLunch = random.Chance(0.3 + 0.03 * region);
            var disability = random.Chance(0.05);
            var ability = random.Normal(0, 11);
            var prefix = string.Create(CultureInfo.InvariantCulture,
                $"N{i:D6},{school},{Regions[region]},{grade},{(girl ? "F" : "M")},{(freeLunch ? "free" : "standard")},{(disability ? "yes" : "no")},");
            var taken = random.Chance(0.5) ? subjects : subjects.Where(s => s != "French").ToArray();
            foreach (var subject in taken)
            {
                var gender = (subject, region) switch
                {
                    ("Math", 3) => girl ? -4 : 0,       // boys ahead in Math in one region
                    ("Math", _) => 0,
                    (_, 5) => 0,                        // no language gap in one region
                    _ => girl ? 5 : 0,
                };
                foreach (var domain in Domains[subject])
                {
                    var mean = 57 + RegionEffect[region] + 1.2 * (grade - 3.5) + gender - (freeLunch ? 4 : 0) - (disability ? 6 : 0)
                               + (domain.Length % 3 - 1) * 3;
                    var score = Math.Clamp(Math.Round(mean + ability + random.Normal(0, 12)), 0, 100);
                    line.Clear().Append(prefix).Append(subject).Append(',').Append(domain).Append(',')
                        .Append(score.ToString(CultureInfo.InvariantCulture)).Append('\n');
                    writer.Write(line);
                }
            }
        }

        return new DemoFile(path, Mapping(), $"{students:N0} students of a national assessment, 8 regions, grades 1-6, 4 subjects with domains");
    }

    private static ImportMapping Mapping() => new()
    {
        DefaultSeries = "Spring 2026",
        Columns =
        [
            new() { Header = "student_id", Role = ColumnRole.StudentId },
            new() { Header = "school", Role = ColumnRole.School },
            new() { Header = "region", Role = ColumnRole.Region },
            new() { Header = "grade", Role = ColumnRole.GradeLevel },
            new() { Header = "gender", Role = ColumnRole.Gender },
            new() { Header = "lunch", Role = ColumnRole.Attribute },
            new() { Header = "disability", Role = ColumnRole.Attribute },
            new() { Header = "subject", Role = ColumnRole.Subject },
            new() { Header = "domain", Role = ColumnRole.Domain },
            new() { Header = "score", Role = ColumnRole.Score, Scale = GradeScales.PercentId },
        ],
    };
}
