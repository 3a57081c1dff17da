using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using GradeLens.Core.Accounts;
using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using GradeLens.Web.Data;
using GradeLens.Web.Security;
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

    [Fact]
    public async Task An_upload_lands_where_the_admin_chooses_needs_allow_changes_to_change_values_and_can_be_undone_leaving_no_files()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();
        var store = Security.RoleAccessTests.StoreOf(app);
        var imported = await PostAsync(client, ThreeStudents, ("organisation", "North"));
        Assert.True(imported.Succeeded, imported.Message);
        Assert.Equal("North", Assert.Single(await store.ListImportsAsync(Scope.Everything)).Organisation);

        var changed = ThreeStudents.Replace("55", "56", StringComparison.Ordinal);
        var refused = await PostAsync(client, changed, ("organisation", "North"));
        Assert.False(refused.Succeeded);
        Assert.Equal("A1: Mathematics / Final 55 -> 56", Assert.Single(refused.Written.Changes).ToString());
        var allowed = await PostAsync(client, changed, ("organisation", "North"), ("allowChanges", "on"), ("cohort", ""));
        Assert.True(allowed.Succeeded, allowed.Message);

        using var undone = await client.DeleteAsync($"/api/imports/{allowed.ImportId}");
        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        using var again = await client.DeleteAsync($"/api/imports/{allowed.ImportId}");
        await ApiTests.ReadProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Contains("import undone", await client.GetStringAsync("/api/admin/audit"), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateDirectories(ImportSpool.RootOf(store)));
    }

    [Fact]
    public void A_leader_imports_into_their_own_organisation_and_an_admin_into_the_one_they_choose()
    {
        var errors = new Dictionary<string, string[]>();
        var leader = UserPrincipal.Create(new UserAccount("lea", Role.Leader, "North", [], [], 0, null, DateTime.MinValue), "test");
        Assert.Equal("North", ImportOrganisation.Of(leader, "", errors));
        Assert.Null(ImportOrganisation.Of(leader, "South", errors));
        Assert.Contains("organisation", errors.Keys);
        var admin = UserPrincipal.Create(new UserAccount("ada", Role.Admin, null, [], [], 0, null, DateTime.MinValue), "test");
        Assert.Equal("South", ImportOrganisation.Of(admin, "South", []));
        Assert.Equal(ImportRequest.DefaultOrganisation, ImportOrganisation.Of(admin, " ", []));
    }

    [Fact]
    public async Task Readers_under_load_are_answered_while_an_upload_imports_and_the_store_keeps_its_memory_limit()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();
        var store = Security.RoleAccessTests.StoreOf(app);
        Assert.True((await PostAsync(client, ThreeStudents)).Succeeded);
        var limit = await MemoryLimitAsync(store);
        var csv = Path.Combine(Path.GetDirectoryName(store.Location)!, "national.csv");
        Core.Benchmarks.NationalCsvWriter.Write(csv, students: 25_000);

        var upload = PostAsync(client, await File.ReadAllTextAsync(csv));
        var readers = Enumerable.Range(0, 6).Select(async _ =>
        {
            var codes = new List<HttpStatusCode>();
            while (!upload.IsCompleted || codes.Count == 0)
            {
                using var response = await client.GetAsync("/api/overview");
                codes.Add(response.StatusCode);
            }

            return codes;
        }).ToList();
        var report = await upload;
        var answered = (await Task.WhenAll(readers)).SelectMany(c => c).ToList();

        Assert.True(report.Succeeded, report.Message);
        Assert.True(answered.Count >= 6, $"{answered.Count} reads");
        Assert.All(answered, code => Assert.Equal(HttpStatusCode.OK, code));
        Assert.Equal(limit, await MemoryLimitAsync(store));
    }

    private static async Task<string> MemoryLimitAsync(IGradeStore store)
    {
        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('memory_limit')";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<ImportReport> PostAsync(HttpClient client, string csv, params (string Field, string Value)[] fields)
    {
        using var form = Form(("results.csv", csv));
        foreach (var (field, value) in fields)
        {
            form.Add(new StringContent(value), field);
        }

        using var response = await client.PostAsync("/api/imports", form);
        return await ReadReportAsync(response);
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
