using GradeLens.Core.Demo;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tests.Demo;

public sealed class DemoGeneratorTests : IDisposable
{
    private static readonly DemoOptions Small = new(Seed: 7, SecondaryStudents: 200, NationalStudents: 4_000);
    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-demo-test-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private DemoDataSet Generate(string name, DemoOptions options) => DemoGenerator.Generate(Path.Combine(_directory, name), options);

    [Fact]
    public void The_same_seed_gives_byte_identical_files_and_equal_quality_data_and_another_seed_differs()
    {
        var a = Generate("a", Small);
        var b = Generate("b", Small);
        var c = Generate("c", Small with { Seed = 8 });
        for (var i = 0; i < a.Files.Count; i++)
        {
            Assert.Equal(File.ReadAllBytes(a.Files[i].Path), File.ReadAllBytes(b.Files[i].Path));
            Assert.NotEqual(File.ReadAllBytes(a.Files[i].Path), File.ReadAllBytes(c.Files[i].Path));
        }

        Assert.Equal(a.Quality.Grades, b.Quality.Grades);
        Assert.Equal(a.Quality.Surveys, b.Quality.Surveys);
    }

    [Fact]
    public void Every_mapping_names_every_column_of_its_file()
    {
        foreach (var file in Generate("m", Small).Files)
        {
            var headers = File.ReadLines(file.Path).First().Split(',');
            Assert.Equal(headers, file.Mapping.Columns.Select(c => c.Header));
        }
    }

    [Fact]
    public void Module_pass_rates_spread_from_about_55_to_98_percent_with_some_modules_at_risk()
    {
        var quality = Generate("q", Small).Quality;
        var moduleOf = quality.Assessments.ToDictionary(a => a.AssessmentId, a => a.ModuleId);
        var passRates = quality.Grades
            .GroupBy(g => (g.StudentId, Module: moduleOf[g.AssessmentId]))
            .Select(g => (g.Key.Module, Passed: g.Average(x => x.Grade ?? 0) >= 50))
            .GroupBy(x => x.Module)
            .ToDictionary(g => g.Key, g => 100.0 * g.Count(x => x.Passed) / g.Count());
        var surveyMean = quality.Surveys.GroupBy(s => s.ModuleId).ToDictionary(g => g.Key, g => g.Average(s => s.Score));
        Assert.InRange(passRates.Values.Min(), 30, 65);
        Assert.InRange(passRates.Values.Max(), 92, 100);
        var atRisk = passRates.Count(p => p.Value < 70 && surveyMean.GetValueOrDefault(p.Key, 5) < 3.5);
        Assert.InRange(atRisk, 2, 60);
        var turnarounds = quality.Assessments.Where(a => a.ReturnedOn is not null).Select(a => a.ReturnedOn!.Value.DayNumber - a.DueOn.DayNumber).ToList();
        Assert.Contains(turnarounds, d => d <= 10);
        Assert.Contains(turnarounds, d => d is > 10 and <= 15);
        Assert.Contains(turnarounds, d => d is > 15 and <= 20);
        Assert.Contains(turnarounds, d => d > 20);
    }

    [Fact]
    public async Task The_demo_store_has_the_secondary_cohort_the_national_assessment_areas_and_quality_data()
    {
        await using var temp = await TempStore.CreateAsync();
        var reports = await DemoBuilder.BuildAsync(temp.Store, Small);
        Assert.All(reports, r => Assert.True(r.Succeeded, r.Message));
        var info = await temp.Store.GetInfoAsync(Scope.ForOrganisation(DemoGenerator.Organisation));
        Assert.Equal(200 + 4_000, info.Students);
        Assert.Equal(8, info.Regions);
        Assert.Equal(["Mock 1", "Mock 2", "Spring 2026", "Final"], info.Series);
        Assert.Equal(13, info.Subjects.Count); // 10 secondary subjects and Arabic, English, Math (French is in both)
        Assert.True(info.TableCounts["baselines"] > 200 * 8 - 1);
        Assert.Equal(9_386, info.TableCounts["areas"]); // 51 states, 3,141 counties with a FIPS code each, and the (seeded) ZIP codes
        Assert.Equal(144, info.TableCounts["he_modules"]);

        var secondary = reports[0].Tables[0];
        Assert.Equal(200, secondary.Students);
        Assert.Equal(10, secondary.Subjects.Count);
        Assert.Equal(["Baseline", "Mock 1", "Mock 2", "Final"], secondary.Series);
        var national = reports[1].Tables[0];
        Assert.Equal(["Arabic", "English", "French", "Math"], national.Subjects);
        Assert.Equal(4_000, national.Students);
    }
}
