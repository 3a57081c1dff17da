using System.Net;
using System.Text.Json;
using GradeLens.Core.Demo;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using static GradeLens.Testing.SharedData;

namespace GradeLens.Web.Tests;

public sealed class GapsApiTests
{
    private static async Task<GradeLensApplication> WithExamsAsync()
    {
        var app = await GradeLensApplication.StartAsync();
        var store = app.App.Services.GetRequiredService<IGradeStore>();
        var report = await store.ImportAsync(new ImportRequest([File(Exams)], ImportMapping.FromJson(await System.IO.File.ReadAllTextAsync(Mapping(Exams)))));
        Assert.True(report.Succeeded, report.Message);
        return app;
    }

    private static async Task<GradeLensApplication> WithDemoAsync()
    {
        var app = await GradeLensApplication.StartAsync();
        await DemoBuilder.BuildAsync(app.App.Services.GetRequiredService<IGradeStore>(), new DemoOptions(NationalStudents: 20_000));
        return app;
    }

    [Fact]
    public async Task Gender_gaps_per_subject_match_the_reference_welch_test_hedges_g_and_z_test()
    {
        await using var app = await WithExamsAsync();
        using var client = app.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/gaps/table?within=subject"));

        var gaps = json.RootElement.GetProperty("gaps").EnumerateArray().ToList();
        Assert.Equal(["Mathematics", "Reading", "Writing"], gaps.Select(g => g.GetProperty("subject").GetString()));
        foreach (var (gap, subject) in gaps.Zip(new[] { "math score", "reading score", "writing score" }))
        {
            var want = ReferenceGap("gender", subject);
            Assert.Equal(("female", "male"), (gap.GetProperty("group").GetString(), gap.GetProperty("comparison").GetString()));
            Assert.Equal(JsonValueKind.Null, gap.GetProperty("region").ValueKind);
            Close(want.GetProperty("welch").GetProperty("t").GetDouble(), gap.GetProperty("t").GetDouble(), "t");
            Close(want.GetProperty("welch").GetProperty("p").GetDouble(), gap.GetProperty("p").GetDouble(), "p");
            Close(want.GetProperty("welch").GetProperty("hedges_g").GetDouble(), gap.GetProperty("hedgesG").GetDouble(), "g");
            Close(want.GetProperty("below_50").GetProperty("gap_pp").GetDouble(), gap.GetProperty("gapPercentagePoints").GetDouble(), "gap_pp");
            Close(want.GetProperty("below_50").GetProperty("p").GetDouble(), gap.GetProperty("pBelow").GetDouble(), "p_below");
            Assert.True(gap.GetProperty("significant").GetBoolean());
        }
    }

    [Fact]
    public async Task Nothing_under_the_minimum_cell_size_reaches_the_answer()
    {
        await using var app = await WithExamsAsync();
        using var client = app.CreateClient();

        // 518 women and 482 men: at a minimum of 500 the men are hidden, so the women go too (else total - women = men).
        var text = await client.GetStringAsync("/api/gaps/table?within=subject&minN=500");
        using var json = JsonDocument.Parse(text);

        Assert.Empty(json.RootElement.GetProperty("gaps").EnumerateArray());
        Assert.Equal(6, json.RootElement.GetProperty("suppressedGroups").GetInt32());
        Assert.All(json.RootElement.GetProperty("cells").EnumerateArray(), c => Assert.Equal(1000, c.GetProperty("students").GetInt64()));
        Assert.DoesNotContain("518", text, StringComparison.Ordinal);
        Assert.DoesNotContain("482", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_parameters_are_validation_problems_naming_the_field()
    {
        await using var app = await WithExamsAsync();
        using var client = app.CreateClient();

        using var within = await client.GetAsync("/api/gaps/table?within=region,planet");
        var problem = await ApiTests.ReadProblemAsync(within, HttpStatusCode.BadRequest);
        Assert.Contains("within", problem.Extensions["errors"]!.ToString(), StringComparison.Ordinal);

        using var by = await client.GetAsync("/api/gaps/table?by=shoe%20size");
        var byProblem = await ApiTests.ReadProblemAsync(by, HttpStatusCode.BadRequest);
        Assert.Contains("it has: gender, lunch, parental level of education, race/ethnicity, test preparation course", byProblem.Extensions["errors"]!.ToString(), StringComparison.Ordinal);

        using var q = await client.GetAsync("/api/gaps/priorities?q=0");
        await ApiTests.ReadProblemAsync(q, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Demo_priority_cohorts_meet_every_threshold_in_rank_order_with_their_reason()
    {
        await using var app = await WithDemoAsync();
        using var client = app.CreateClient();

        using var table = JsonDocument.Parse(await client.GetStringAsync("/api/gaps/table?within=region,grade"));
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/gaps/priorities?within=region,grade"));
        using var loose = JsonDocument.Parse(await client.GetStringAsync("/api/gaps/priorities?within=region,grade&excess=5&points=2"));

        var cohorts = list.RootElement.GetProperty("cohorts").EnumerateArray().ToList();
        Assert.NotEmpty(cohorts);
        Assert.True(loose.RootElement.GetProperty("cohorts").GetArrayLength() > cohorts.Count);
        var cells = table.RootElement.GetProperty("cells").EnumerateArray().ToList();
        var excesses = new List<double>();
        foreach (var cohort in cohorts)
        {
            var gap = cohort.GetProperty("gap");
            Assert.True(cohort.GetProperty("excessPercentBelow").GetDouble() >= 10);
            Assert.True(gap.GetProperty("q").GetDouble() <= 0.05);
            Assert.True(Math.Abs(gap.GetProperty("gapPoints").GetDouble()) >= 5);
            var cell = cells.Single(c => Same(c, cohort, "series", "subject", "domain", "region", "gradeLevel"));
            Assert.Equal(cell.GetProperty("percentBelow").GetDouble(), cohort.GetProperty("percentBelow").GetDouble());
            var national = cells.Single(c => Same(c, cohort, "series", "subject", "domain") && c.GetProperty("region").ValueKind == JsonValueKind.Null && c.GetProperty("gradeLevel").ValueKind == JsonValueKind.Null);
            Assert.Equal(national.GetProperty("percentBelow").GetDouble(), cohort.GetProperty("nationalPercentBelow").GetDouble());
            Assert.Contains("below proficiency", cohort.GetProperty("reason").GetString(), StringComparison.Ordinal);
            excesses.Add(cohort.GetProperty("excessPercentBelow").GetDouble());
        }

        Assert.Equal(excesses.OrderDescending(), excesses);
        Assert.Equal(Enumerable.Range(1, cohorts.Count), cohorts.Select(c => c.GetProperty("rank").GetInt32()));
    }

    [Fact]
    public async Task Demo_national_figure_is_student_weighted_not_a_mean_of_regions()
    {
        await using var app = await WithDemoAsync();
        using var client = app.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/gaps/table?within=region&subject=Math"));

        var cells = json.RootElement.GetProperty("cells").EnumerateArray().ToList();
        var regions = cells.Where(c => c.GetProperty("region").ValueKind != JsonValueKind.Null).ToList();
        var national = cells.Single(c => c.GetProperty("region").ValueKind == JsonValueKind.Null);
        Assert.Equal(8, regions.Count);
        Assert.Equal(20_000, national.GetProperty("students").GetInt64());
        Assert.Equal(20_000, regions.Sum(r => r.GetProperty("students").GetInt64()));
        var weighted = regions.Sum(r => r.GetProperty("students").GetInt64() * r.GetProperty("percentBelow").GetDouble()) / 20_000;
        Assert.Equal(weighted, national.GetProperty("percentBelow").GetDouble(), 9);
    }

    private static bool Same(JsonElement a, JsonElement b, params string[] names) =>
        names.All(n => a.GetProperty(n).ToString() == b.GetProperty(n).ToString());
}
