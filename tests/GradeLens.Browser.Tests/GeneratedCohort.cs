using System.Globalization;
using System.Text;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Browser.Tests;

/// <summary>A live server over 120 generated students: Maths and English in two mocks and the GCSE (9-1), with gender.</summary>
internal static class GeneratedCohort
{
    public const int Students = 120;

    public static async Task<LiveServer> StartAsync()
    {
        var server = await LiveServer.StartAsync();
        var random = new Random(5);
        var csv = new StringBuilder("Student,Gender,Subject,Exam_Series,Score\n");
        for (var i = 1; i <= Students; i++)
        {
            var gender = random.Next(2) == 0 ? "F" : "M";
            var ability = 2 + (random.NextDouble() * 6);
            foreach (var subject in new[] { "Maths", "English" })
            {
                foreach (var series in new[] { "MOCK 1", "MOCK 2", "GCSE" })
                {
                    var score = Math.Clamp(Math.Round(ability + ((random.NextDouble() - 0.5) * 3)), 0, 9);
                    csv.Append(CultureInfo.InvariantCulture, $"S{i:000},{gender},{subject},{series},{score}\n");
                }
            }
        }

        var file = Path.Combine(Path.GetTempPath(), $"risk-pages-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, csv.ToString());
        var mapping = new ImportMapping
        {
            Columns =
            [
                new() { Header = "Student", Role = ColumnRole.StudentId },
                new() { Header = "Gender", Role = ColumnRole.Gender },
                new() { Header = "Subject", Role = ColumnRole.Subject },
                new() { Header = "Exam_Series", Role = ColumnRole.Series },
                new() { Header = "Score", Role = ColumnRole.Score, Scale = GradeScales.Gcse91Id },
            ],
        };
        var report = await server.Store.ImportAsync(new ImportRequest([file], mapping));
        File.Delete(file);
        Assert.True(report.Succeeded, report.Message);
        return server;
    }
}
