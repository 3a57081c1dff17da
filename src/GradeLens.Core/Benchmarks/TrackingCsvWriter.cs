using System.Globalization;
using System.Text;
using GradeLens.Core.Demo;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Benchmarks;

/// <summary>
/// Writes the tracking benchmark's long CSV: N students x 2 subjects x (Baseline, Mock 1, Mock 2, Final) on the
/// GCSE 9-1 scale (baselines in half grades, "U" for 0), with gender and a teaching group per student.
/// Columns student_id,gender,teaching_group,subject,series,grade. Deterministic from the seed.
/// </summary>
public static class TrackingCsvWriter
{
    public static readonly string[] Subjects = ["Maths", "English"];
    public static readonly string[] Series = ["Baseline", "Mock 1", "Mock 2", "Final"];
    public const int TeachingGroups = 24;

    /// <summary>The mapping that reads the file: Baseline is the expected grade, the rest are series.</summary>
    public static ImportMapping Mapping { get; } = new()
    {
        BaselineSeries = ["Baseline"],
        Columns =
        [
            new() { Header = "student_id", Role = ColumnRole.StudentId },
            new() { Header = "gender", Role = ColumnRole.Gender },
            new() { Header = "teaching_group", Role = ColumnRole.Attribute },
            new() { Header = "subject", Role = ColumnRole.Subject },
            new() { Header = "series", Role = ColumnRole.Series },
            new() { Header = "grade", Role = ColumnRole.Score, Scale = GradeScales.Gcse91Id },
        ],
    };

    public static void Write(string path, int students, int seed = 11)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        writer.Write("student_id,gender,teaching_group,subject,series,grade\n");
        var line = new StringBuilder(64);
        for (var i = 0; i < students; i++)
        {
            var female = random.Next(2) == 0;
            var group = "11" + (char)('A' + random.Next(TeachingGroups));
            foreach (var subject in Subjects)
            {
                var ability = 5 + (random.Normal() * 1.8);
                double[] grades =
                [
                    Math.Clamp(Math.Round((ability + (random.Normal() * 0.7)) * 2) / 2, 1, 9),
                    Grade(ability - 0.8 + (random.Normal() * 1.2)),
                    Grade(ability - 0.5 + (random.Normal() * 1.0)),
                    Grade(ability + (random.Normal() * 0.8)),
                ];
                for (var s = 0; s < Series.Length; s++)
                {
                    line.Clear()
                        .Append('T').Append(i.ToString("D7", CultureInfo.InvariantCulture)).Append(',')
                        .Append(female ? 'F' : 'M').Append(',')
                        .Append(group).Append(',')
                        .Append(subject).Append(',')
                        .Append(Series[s]).Append(',')
                        .Append(grades[s] == 0 ? "U" : grades[s].ToString(CultureInfo.InvariantCulture)).Append('\n');
                    writer.Write(line);
                }
            }
        }
    }

    private static double Grade(double value) => Math.Clamp(Math.Round(value), 0, 9);
}
