using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Models;
using GradeLens.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GradeLens.Web.Tests;

/// <summary>
/// The model pages' APIs over data chosen to break models: a column that separates the outcome, gender coded twice
/// (M/F and male/female), a column that never varies, missed assessments. No choice a user can make answers 500, and
/// no answer carries a number that is not finite.
/// </summary>
public sealed class ModelPagesApiTests
{
    private const int Students = 200;

    private static async Task<GradeLensApplication> WithCohortAsync()
    {
        var app = await GradeLensApplication.StartAsync();
        var random = new Random(8);
        var csv = new StringBuilder("student_id,gender,sex,lunch,country,band,final_result,subject,series,score\n");
        for (var i = 1; i <= Students; i++)
        {
            var ability = random.NextDouble();
            var male = random.Next(2) == 0;
            var final = Math.Clamp(Math.Round(20 + (70 * ability) + ((random.NextDouble() - 0.5) * 20)), 0, 100);
            var prefix = string.Create(CultureInfo.InvariantCulture,
                $"S{i:000},{(male ? "M" : "F")},{(male ? "male" : "female")},{(random.NextDouble() < 0.3 ? "free" : "standard")},UK,{(final < 50 ? "low" : "high")},{(final < 40 ? "Fail" : "Pass")}");
            foreach (var subject in new[] { "Maths", "English" })
            {
                foreach (var series in new[] { "Mock 1", "Mock 2", "Final" })
                {
                    if (series == "Mock 2" && ability < 0.3 && random.NextDouble() < 0.5)
                    {
                        continue;
                    }

                    var score = series == "Final" && subject == "Maths" ? final : Math.Clamp(Math.Round(20 + (70 * ability) + ((random.NextDouble() - 0.5) * 40)), 0, 100);
                    csv.Append(CultureInfo.InvariantCulture, $"{prefix},{subject},{series},{score}\n");
                }
            }
        }

        var file = Path.Combine(Path.GetTempPath(), $"models-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, csv.ToString());
        string[] attributes = ["sex", "lunch", "country", "band", "final_result"];
        var mapping = new ImportMapping
        {
            Columns =
            [
                new() { Header = "student_id", Role = ColumnRole.StudentId },
                new() { Header = "gender", Role = ColumnRole.Gender },
                .. attributes.Select(a => new ColumnMapping { Header = a, Role = ColumnRole.Attribute }),
                new() { Header = "subject", Role = ColumnRole.Subject },
                new() { Header = "series", Role = ColumnRole.Series },
                new() { Header = "score", Role = ColumnRole.Score, Scale = GradeScales.PercentId },
            ],
        };
        var report = await app.App.Services.GetRequiredService<IGradeStore>().ImportAsync(new ImportRequest([file], mapping));
        File.Delete(file);
        Assert.True(report.Succeeded, report.Message);
        return app;
    }

    [Fact]
    public async Task No_choice_on_a_model_page_answers_500_or_a_number_that_is_not_finite()
    {
        await using var app = await WithCohortAsync();
        using var client = app.CreateClient();
        string[] requests =
        [
            "/api/models/targets",
            "/api/risk?series=Final&subject=Maths",
            "/api/risk?series=Final&subject=Maths&includeProtected=true",
            "/api/risk?series=Final&subject=Maths&cutoff=Mock%201&calibration=isotonic",
            "/api/risk?series=Final&subject=Maths&features=none&attributes=band,country,lunch",
            "/api/risk?targetColumn=final_result&positive=Fail",
            "/api/risk?series=Final&subject=English&below=0",
            "/api/risk/curve?series=Final&subject=Maths",
            "/api/triage?series=Final&subject=Maths&capacity=5",
            "/api/triage?targetColumn=final_result&positive=Fail&cutoff=Mock%202",
            "/api/students/S001?series=Final&subject=Maths",
            "/api/students/S001?series=Final&subject=English&below=0",
            "/api/clusters?series=Final",
            "/api/models/columns?series=Final",
            "/api/models?series=Final&outcome=Maths&features=sex,lunch,country,band,gender",
            "/api/models?series=Final&outcome=Maths&features=sex,lunch,country,band,gender&below=50",
            "/api/models?series=Final&outcome=Maths&features=sex,gender,country&forest=true",
            "/api/models?series=Final&outcome=Maths&features=country",
        ];
        foreach (var request in requests)
        {
            using var response = await client.GetAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True((int)response.StatusCode < 500, $"{request}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain("NaN", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Infinity", body, StringComparison.Ordinal);
            JsonDocument.Parse(body).Dispose();
        }
    }

    [Fact]
    public async Task Collinear_codings_are_dropped_and_named_and_a_separating_column_has_no_odds_ratio()
    {
        await using var app = await WithCohortAsync();
        using var client = app.CreateClient();

        using var model = JsonDocument.Parse(await client.GetStringAsync("/api/models?series=Final&outcome=Maths&features=sex,lunch,country,band,gender&below=50"));
        var result = model.RootElement.GetProperty("result");
        var notes = result.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();

        Assert.Contains(notes, n => n.Contains("'gender_M' carries the same information as 'sex_male'", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("'country' is 'UK' for every student", StringComparison.Ordinal));
        var odds = result.GetProperty("oddsRatios").EnumerateArray().ToList();
        Assert.DoesNotContain(odds, o => o.GetProperty("feature").GetString() == "gender_M");
        var band = odds.Single(o => o.GetProperty("feature").GetString() == "band_low");
        Assert.Equal(JsonValueKind.Null, band.GetProperty("ratio").ValueKind);
        Assert.Contains("infinite", band.GetProperty("notShown").GetString(), StringComparison.Ordinal);

        // OLS on the same columns: no coefficient of 10^15 from the repeated coding, because it is not in the design.
        using var ols = JsonDocument.Parse(await client.GetStringAsync("/api/models?series=Final&outcome=Maths&features=sex,lunch,country,gender"));
        var coefficients = ols.RootElement.GetProperty("result").GetProperty("ols").GetProperty("coefficients").EnumerateArray().ToList();
        Assert.All(coefficients, c => Assert.InRange(Math.Abs(c.GetProperty("estimate").GetDouble()), 0, 1000));
    }

    [Fact]
    public async Task Targets_offer_only_what_exists_and_open_on_the_series_and_subject_with_the_most_students()
    {
        await using var app = await WithCohortAsync();
        using var client = app.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/models/targets"));
        var root = json.RootElement;
        var targets = root.GetProperty("targets").EnumerateArray().ToList();

        Assert.Equal(6, targets.Count);
        Assert.All(targets, t => Assert.Contains(t.GetProperty("subject").GetString(), new[] { "Maths", "English" }));
        var students = targets.Select(t => t.GetProperty("students").GetInt32()).ToList();
        Assert.Equal(students.OrderByDescending(s => s), students);
        Assert.Equal(students.Max(), root.GetProperty("defaultTarget").GetProperty("students").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("needs").ValueKind);
        Assert.Contains(root.GetProperty("outcomeColumns").EnumerateArray(), c => c.GetProperty("column").GetString() == "final_result");
        Assert.DoesNotContain(root.GetProperty("outcomeColumns").EnumerateArray(), c => c.GetProperty("column").GetString() is "sex" or "country");

        // The default request answers, from a kept model the second time (the same fit, the same moment).
        var target = root.GetProperty("defaultTarget");
        var url = $"/api/risk?series={Uri.EscapeDataString(target.GetProperty("series").GetString()!)}&subject={Uri.EscapeDataString(target.GetProperty("subject").GetString()!)}&calibration=platt";
        using var first = JsonDocument.Parse(await client.GetStringAsync(url));
        using var second = JsonDocument.Parse(await client.GetStringAsync(url));
        Assert.Equal(first.RootElement.GetProperty("fitted").GetProperty("fittedAt").GetString(), second.RootElement.GetProperty("fitted").GetProperty("fittedAt").GetString());
        Assert.True(KeptModels.Of(app.App.Services.GetRequiredService<IGradeStore>()).Usage().Models >= 1);
    }

    [Fact]
    public async Task An_empty_store_says_in_one_sentence_what_the_model_pages_need()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/models/targets"));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("defaultTarget").ValueKind);
        Assert.Contains("Data page", json.RootElement.GetProperty("needs").GetString(), StringComparison.Ordinal);
        using var risk = await client.GetAsync("/api/risk?series=Final&subject=Maths");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, risk.StatusCode);
    }
}
