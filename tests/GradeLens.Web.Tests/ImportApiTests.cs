using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using Microsoft.AspNetCore.Mvc;

namespace GradeLens.Web.Tests;

public sealed class ImportApiTests
{
    private const string ThreeStudents = "student_id,gender,math score\nA1,F,55\nA2,M,61\nA3,F,70\n";

    [Fact]
    public async Task Upload_without_a_file_is_a_400_ProblemDetails()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();
        using var form = new MultipartFormDataContent { { new StringContent("true"), "dryRun" } };

        using var response = await client.PostAsync("/api/imports", form);

        var problem = await ApiTests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("at least one file", problem.Detail);
    }

    [Fact]
    public async Task Upload_that_is_not_multipart_is_a_415_ProblemDetails()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/imports", new StringContent(ThreeStudents, Encoding.UTF8, "text/csv"));

        await ApiTests.ReadProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Upload_of_a_png_is_a_415_ProblemDetails_naming_the_file()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();
        using var form = Form(("results.csv", ThreeStudents), ("chart.png", "\x89PNG"));

        using var response = await client.PostAsync("/api/imports", form);

        var problem = await ApiTests.ReadProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("'chart.png'", problem.Detail);
    }

    [Fact]
    public async Task Upload_larger_than_the_limit_is_a_413_ProblemDetails()
    {
        await using var app = await GradeLensApplication.StartAsync(maxUploadBytes: 1024);
        using var client = app.CreateClient();
        using var form = Form(("big.csv", "student_id,score\n" + string.Concat(Enumerable.Repeat("A1,55\n", 400))));

        using var response = await client.PostAsync("/api/imports", form);

        var problem = await ApiTests.ReadProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("larger than", problem.Detail);
    }

    [Fact]
    public async Task A_flag_that_is_not_true_or_false_is_a_validation_problem_naming_the_field()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();
        using var form = Form(("results.csv", ThreeStudents));
        form.Add(new StringContent("maybe"), "dryRun");

        using var response = await client.PostAsync("/api/imports", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(GradeLensApplication.Json);
        Assert.NotNull(problem);
        Assert.Contains("dryRun", problem.Errors.Keys);
    }

    [Fact]
    public async Task A_mapping_that_is_not_json_is_a_validation_problem_naming_the_field()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();
        using var form = Form(("results.csv", ThreeStudents));
        form.Add(FileContent("not json"), "mapping", "mapping.json");

        using var response = await client.PostAsync("/api/imports", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(GradeLensApplication.Json);
        Assert.NotNull(problem);
        Assert.Contains("mapping", problem.Errors.Keys);
    }

    // Needs the import pipeline (IGradeStore.ImportAsync).
    [Fact]
    public async Task Upload_of_a_csv_returns_the_import_report_and_stores_the_students()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();
        using var form = Form(("results.csv", ThreeStudents));

        using var response = await client.PostAsync("/api/imports", form);

        var report = await ReadReportAsync(response);
        Assert.True(report.Succeeded, report.Message);
        Assert.False(report.DryRun);
        var table = Assert.Single(report.Tables);
        Assert.Equal("results.csv", table.File);
        Assert.Equal(3, table.Rows);
        Assert.Equal(3, table.Students);
        Assert.Empty(report.Rejected);
        var info = await client.GetFromJsonAsync<StoreInfo>("/api/overview", GradeLensApplication.Json);
        Assert.Equal(3, info!.Students);
    }

    // Needs the import pipeline (IGradeStore.ImportAsync).
    [Fact]
    public async Task A_dry_run_upload_reports_the_file_but_stores_nothing()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();
        using var form = Form(("results.csv", ThreeStudents));
        form.Add(new StringContent("on"), "dryRun");

        using var response = await client.PostAsync("/api/imports", form);

        var report = await ReadReportAsync(response);
        Assert.True(report.Succeeded, report.Message);
        Assert.True(report.DryRun);
        Assert.Equal(3, Assert.Single(report.Tables).Rows);
        var info = await client.GetFromJsonAsync<StoreInfo>("/api/overview", GradeLensApplication.Json);
        Assert.Equal(0, info!.Students);
    }

    // Needs the import pipeline (IGradeStore.ImportAsync).
    [Fact]
    public async Task The_report_names_an_upload_by_its_original_arabic_file_name()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();
        using var form = Form(("نتائج الرياضيات.csv", ThreeStudents));

        using var response = await client.PostAsync("/api/imports", form);

        var report = await ReadReportAsync(response);
        Assert.Equal("نتائج الرياضيات.csv", Assert.Single(report.Tables).File);
    }

    private static async Task<ImportReport> ReadReportAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        var report = System.Text.Json.JsonSerializer.Deserialize<ImportReport>(body, GradeLensApplication.Json);
        Assert.NotNull(report);
        return report;
    }

    private static MultipartFormDataContent Form(params (string Name, string Text)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, text) in files)
        {
            form.Add(FileContent(text), "files", name);
        }

        return form;
    }

    private static ByteArrayContent FileContent(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }
}
