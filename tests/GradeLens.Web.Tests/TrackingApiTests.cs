using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GradeLens.Web.Tests;

public sealed class TrackingApiTests
{
    private static async Task<GradeLensApplication> WithTrackingFileAsync()
    {
        var app = await GradeLensApplication.StartAsync();
        var store = app.App.Services.GetRequiredService<IGradeStore>();
        var file = Path.Combine(Path.GetTempPath(), $"tracking-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file,
            "Student,Gender,Subject,Exam_Series,Score\n" +
            "Ann,F,Maths,BASELINE,6\nAnn,F,Maths,MOCK 1,5\nAnn,F,Maths,GCSE,7\n" +
            "Ben,M,Maths,BASELINE,5.5\nBen,M,Maths,MOCK 1,4\nBen,M,Maths,GCSE,5\n" +
            "Cat,F,Maths,BASELINE,7\nCat,F,Maths,MOCK 1,U\nCat,F,Maths,GCSE,6\n");
        var mapping = new ImportMapping
        {
            BaselineSeries = ["BASELINE"],
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
        return app;
    }

    [Fact]
    public async Task Series_boxes_come_in_order_with_the_baseline_first_and_U_as_zero()
    {
        await using var app = await WithTrackingFileAsync();
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/tracking/series?subject=Maths"));
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("students").GetInt64());
        Assert.Contains("type 7", root.GetProperty("quartileMethod").GetString(), StringComparison.Ordinal);
        var boxes = root.GetProperty("boxes").EnumerateArray().ToList();
        Assert.Equal(["BASELINE", "MOCK 1", "GCSE"], boxes.Select(b => b.GetProperty("series").GetString()));
        Assert.True(boxes[0].GetProperty("isBaseline").GetBoolean());
        Assert.Equal(6.0, boxes[0].GetProperty("median").GetDouble());   // 5.5, 6, 7
        Assert.Equal(0.0, boxes[1].GetProperty("minimum").GetDouble());  // U
        Assert.Equal(4.0, boxes[1].GetProperty("median").GetDouble());   // 0, 4, 5
    }

    [Fact]
    public async Task Students_come_with_their_path_baseline_and_status_and_a_limit_samples_them()
    {
        await using var app = await WithTrackingFileAsync();
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/tracking/students?subject=Maths"));
        var root = json.RootElement;
        Assert.Equal((3L, false), (root.GetProperty("total").GetInt64(), root.GetProperty("sampled").GetBoolean()));
        var ann = root.GetProperty("students").EnumerateArray().Single(s => s.GetProperty("studentId").GetString() == "Ann");
        Assert.Equal(6.0, ann.GetProperty("baseline").GetDouble());
        Assert.Equal(["MOCK 1", "GCSE"], ann.GetProperty("series").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal("Above", ann.GetProperty("status").GetString());
        var cat = root.GetProperty("students").EnumerateArray().Single(s => s.GetProperty("studentId").GetString() == "Cat");
        Assert.Equal(("Below", 0.0), (cat.GetProperty("status").GetString(), cat.GetProperty("minimum").GetDouble()));

        using var sample = JsonDocument.Parse(await client.GetStringAsync("/api/tracking/students?subject=Maths&limit=2"));
        Assert.True(sample.RootElement.GetProperty("sampled").GetBoolean());
        Assert.Equal(2, sample.RootElement.GetProperty("students").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/tracking/students?subject=Maths&limit=0")).StatusCode);
    }

    [Fact]
    public async Task A_students_subjects_come_most_below_baseline_first_and_an_unknown_student_is_not_found()
    {
        await using var app = await WithTrackingFileAsync();
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/tracking/students/Cat/subjects"));
        var maths = Assert.Single(json.RootElement.GetProperty("subjects").EnumerateArray());
        Assert.Equal(("Maths", -1.0, "Below"), (maths.GetProperty("subject").GetString(), maths.GetProperty("difference").GetDouble(), maths.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/tracking/students/Nobody/subjects")).StatusCode);
    }

    [Fact]
    public async Task Baseline_shares_and_the_students_furthest_below_come_per_series()
    {
        await using var app = await WithTrackingFileAsync();
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/tracking/baseline?subject=Maths"));
        var gcse = json.RootElement.GetProperty("shares").EnumerateArray().Single(s => s.GetProperty("series").GetString() == "GCSE");
        // Ann 7 vs 6 above, Ben 5 vs 5.5 below, Cat 6 vs 7 below.
        Assert.Equal((3L, 1L, 0L, 2L), (gcse.GetProperty("students").GetInt64(), gcse.GetProperty("above").GetInt64(), gcse.GetProperty("at").GetInt64(), gcse.GetProperty("below").GetInt64()));
        Assert.Equal(66.7, gcse.GetProperty("percentBelow").GetDouble());
        Assert.Equal(["Cat", "Ben"], json.RootElement.GetProperty("furthestBelow").EnumerateArray().Select(s => s.GetProperty("studentId").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/tracking/baseline")).StatusCode);
    }

    [Fact]
    public async Task A_group_filter_narrows_the_students()
    {
        await using var app = await WithTrackingFileAsync();
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/tracking/series?subject=Maths&attribute=gender&value=F"));
        Assert.Equal(2, json.RootElement.GetProperty("students").GetInt64());
    }

    [Fact]
    public async Task A_missing_subject_is_a_validation_problem_and_an_unknown_one_is_not_found()
    {
        await using var app = await WithTrackingFileAsync();
        using var client = app.CreateClient();
        var missing = await client.GetAsync("/api/tracking/series");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("subject", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await client.GetAsync("/api/tracking/series?subject=Latin");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
    [Fact]
    public async Task The_subject_list_has_whole_subject_results_only_with_their_series_and_baselines()
    {
        await using var app = await WithTrackingFileAsync();
        var store = app.App.Services.GetRequiredService<IGradeStore>();
        // A national file with domain rows only: nothing the Tracking page could draw for Arabic.
        var national = Path.Combine(Path.GetTempPath(), $"national-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(national, "student_id,subject,domain,score\nS1,Arabic,Reading,60\nS2,Arabic,Writing,55\nS1,Art,,40\n");
        var report = await store.ImportAsync(new ImportRequest([national]));
        File.Delete(national);
        Assert.True(report.Succeeded, report.Message);
        using var client = app.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/tracking/subjects"));

        var subjects = json.RootElement.EnumerateArray().Select(s => (
            s.GetProperty("subject").GetString(), s.GetProperty("series").GetInt32(), s.GetProperty("students").GetInt64(), s.GetProperty("baselines").GetInt64())).ToList();
        Assert.Equal([("Art", 1, 1L, 0L), ("Maths", 2, 3L, 3L)], subjects);
    }
}
