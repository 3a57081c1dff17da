using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GradeLens.Web.Tests;

public sealed class RiskApiTests
{
    private const int Students = 120;

    /// <summary>120 students, Maths and English in MOCK 1, MOCK 2 and GCSE (9-1), generated from a seed; the GCSE follows the mocks with noise.</summary>
    private sealed record Cohort(string[] Ids, string[] Genders, double[,] Scores)
    {
        // Scores[i, s * 3 + series]: s 0 = Maths, 1 = English; series 0 = MOCK 1, 1 = MOCK 2, 2 = GCSE.
        public double Gcse(int i, int subject) => Scores[i, (subject * 3) + 2];
    }

    private static Cohort Generate()
    {
        var random = new Random(5);
        var ids = Enumerable.Range(1, Students).Select(i => $"S{i:000}").ToArray();
        var genders = ids.Select(_ => random.Next(2) == 0 ? "F" : "M").ToArray();
        var scores = new double[Students, 6];
        for (var i = 0; i < Students; i++)
        {
            var ability = 2 + (random.NextDouble() * 6);
            for (var s = 0; s < 2; s++)
            {
                for (var series = 0; series < 3; series++)
                {
                    scores[i, (s * 3) + series] = Math.Clamp(Math.Round(ability + ((random.NextDouble() - 0.5) * 3)), 0, 9);
                }
            }
        }

        return new Cohort(ids, genders, scores);
    }

    private static async Task<(GradeLensApplication App, Cohort Cohort)> WithCohortAsync()
    {
        var cohort = Generate();
        var app = await GradeLensApplication.StartAsync();
        var store = app.App.Services.GetRequiredService<IGradeStore>();
        var csv = new StringBuilder("Student,Gender,Subject,Exam_Series,Score\n");
        string[] subjects = ["Maths", "English"];
        string[] series = ["MOCK 1", "MOCK 2", "GCSE"];
        for (var i = 0; i < Students; i++)
        {
            for (var s = 0; s < 2; s++)
            {
                for (var t = 0; t < 3; t++)
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{cohort.Ids[i]},{cohort.Genders[i]},{subjects[s]},{series[t]},{cohort.Scores[i, (s * 3) + t]}\n");
                }
            }
        }

        var file = Path.Combine(Path.GetTempPath(), $"risk-{Guid.NewGuid():N}.csv");
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
        var report = await store.ImportAsync(new ImportRequest([file], mapping));
        File.Delete(file);
        Assert.True(report.Succeeded, report.Message);
        return (app, cohort);
    }

    [Fact]
    public async Task Risk_evaluates_gcse_maths_below_4_from_the_mocks_with_every_student_in_the_bins_and_each_gender_in_the_fairness_view()
    {
        var (app, cohort) = await WithCohortAsync();
        await using var _ = app;
        using var client = app.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/risk?series=GCSE&subject=Maths"));
        var root = json.RootElement;
        var report = root.GetProperty("report");

        var positives = Enumerable.Range(0, Students).Count(i => cohort.Gcse(i, 0) < 4);
        Assert.Equal(4, root.GetProperty("threshold").GetDouble());
        Assert.Equal(Students, report.GetProperty("students").GetInt32());
        Assert.Equal(positives, report.GetProperty("positives").GetInt32());
        Assert.Equal(["MOCK 1", "MOCK 2"], root.GetProperty("featureSeries").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain(root.GetProperty("features").EnumerateArray(), f => f.GetString()!.StartsWith("GCSE", StringComparison.Ordinal));
        Assert.Equal(Students, report.GetProperty("reliability").EnumerateArray().Sum(b => b.GetProperty("students").GetInt32()));
        var auc = report.GetProperty("auc");
        Assert.InRange(auc.GetProperty("auc").GetDouble(), auc.GetProperty("lower").GetDouble(), auc.GetProperty("upper").GetDouble());
        var groups = report.GetProperty("fairness").EnumerateArray().ToList();
        Assert.Equal(cohort.Genders.Count(g => g == "F"), groups.Single(g => g.GetProperty("group").GetString() == "F").GetProperty("students").GetInt32());
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("gender", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Asking_for_the_outcomes_own_series_as_a_feature_is_a_422_naming_target_leakage()
    {
        var (app, _) = await WithCohortAsync();
        await using var __ = app;
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/risk?series=GCSE&subject=Maths&features=MOCK%202,GCSE");
        var problem = await ApiTests.ReadProblemAsync(response, HttpStatusCode.UnprocessableEntity);

        Assert.Contains("target leakage", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triage_cuts_at_capacity_in_descending_risk_with_pseudonyms_that_hide_the_ids()
    {
        var (app, cohort) = await WithCohortAsync();
        await using var _ = app;
        using var client = app.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/triage?series=GCSE&subject=Maths&capacity=10&pseudonymise=true"));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();

        Assert.Equal(Students, json.RootElement.GetProperty("students").GetInt32());
        Assert.Equal(Enumerable.Range(1, 10), rows.Select(r => r.GetProperty("rank").GetInt32()));
        var risks = rows.Select(r => r.GetProperty("risk").GetDouble()).ToList();
        Assert.Equal(risks.OrderByDescending(r => r), risks);
        Assert.All(rows, r => Assert.StartsWith("P-", r.GetProperty("student").GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => cohort.Ids.Contains(r.GetProperty("student").GetString()));
        Assert.Equal(10, rows.Select(r => r.GetProperty("student").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Clusters_of_mock_2_cover_every_student_and_a_student_has_risk_standings_results_and_a_cluster()
    {
        var (app, cohort) = await WithCohortAsync();
        await using var __ = app;
        using var client = app.CreateClient();

        using var clusters = JsonDocument.Parse(await client.GetStringAsync("/api/clusters?series=MOCK%202&k=3"));
        Assert.Equal(3, clusters.RootElement.GetProperty("k").GetInt32());
        Assert.Equal(Students, clusters.RootElement.GetProperty("clusters").EnumerateArray().Sum(c => c.GetProperty("students").GetInt32()));
        Assert.Equal(["English", "Maths"], clusters.RootElement.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));

        using var student = JsonDocument.Parse(await client.GetStringAsync("/api/students/S001?series=GCSE&subject=Maths"));
        Assert.Equal(2, student.RootElement.GetProperty("subjects").GetArrayLength());
        // Every result the file gave S001, in subject and series order, with the score as written.
        var results = student.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("subject").GetString(), r.GetProperty("series").GetString(), r.GetProperty("score").GetDouble())).ToList();
        var first = Array.IndexOf(cohort.Ids, "S001");
        Assert.Equal(
            [("English", "MOCK 1", cohort.Scores[first, 3]), ("English", "MOCK 2", cohort.Scores[first, 4]), ("English", "GCSE", cohort.Scores[first, 5]),
             ("Maths", "MOCK 1", cohort.Scores[first, 0]), ("Maths", "MOCK 2", cohort.Scores[first, 1]), ("Maths", "GCSE", cohort.Scores[first, 2])],
            results);
        Assert.InRange(student.RootElement.GetProperty("risk").GetProperty("risk").GetDouble(), 0, 1);
        Assert.InRange(student.RootElement.GetProperty("cluster").GetInt32(), 1, 8);
    }

    [Fact]
    public async Task Models_predicting_gcse_maths_from_english_give_the_squared_correlation_as_in_sample_r2()
    {
        var (app, cohort) = await WithCohortAsync();
        await using var _ = app;
        using var client = app.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/models?series=GCSE&outcome=Maths&features=English"));
        var result = json.RootElement.GetProperty("result");

        // With one feature, OLS R² is Pearson's r squared.
        var maths = Enumerable.Range(0, Students).Select(i => cohort.Gcse(i, 0)).ToArray();
        var english = Enumerable.Range(0, Students).Select(i => cohort.Gcse(i, 1)).ToArray();
        var r = GradeLens.Core.Models.Correlation.Pearson(maths, english).R;
        Assert.Equal(r * r, result.GetProperty("ols").GetProperty("rSquared").GetDouble(), 1e-9);
        Assert.True(result.GetProperty("cvRSquared").GetDouble() < r * r);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("published").ValueKind);
    }
}
