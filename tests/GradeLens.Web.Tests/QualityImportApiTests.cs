using System.Net;
using System.Net.Http.Json;
using System.Text;
using GradeLens.Core.Quality.Import;

namespace GradeLens.Web.Tests;

/// <summary>POST /api/quality/imports: a university's tables uploaded all or nothing, orphans located, audited, admins only.</summary>
public sealed class QualityImportApiTests
{
    private const string Programmes = "programme_id,name,faculty\nP1,Physics,Science\n";
    private const string Modules = "module_id,programme,title,term\nM1,P1,Mechanics,2024-Fall\n";
    private const string Enrolments = "student_id,module_id\nS1,M1\nS2,M1\n";
    private const string Assessments = "assessment_id,module_id,title,due_date,returned_date,weight\nA1,M1,Essay,2024-10-14,2024-10-30,40\n";
    private const string Grades = "student_id,assessment_id,submitted,mark\nS1,A1,2024-10-14,65\nS2,A1,2024-10-13,48\n";

    [Fact]
    public async Task A_universitys_tables_import_for_the_organisation_named_and_the_kpis_follow_and_the_import_is_audited()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();
        using var form = Form(("programmes.csv", Programmes), ("modules.csv", Modules), ("enrolments.csv", Enrolments), ("assessments.csv", Assessments), ("grades.csv", Grades));
        form.Add(new StringContent("uni"), "organisation");

        var report = await ReportAsync(await client.PostAsync("/api/quality/imports", form));

        Assert.True(report.Succeeded, report.Message);
        Assert.Equal(2, report.Written["he_grades"]);
        Assert.Equal(["assessments.csv", "enrolments.csv", "grades.csv", "modules.csv", "programmes.csv"], report.Tables.Select(t => t.File).Order());
        var rates = await client.GetFromJsonAsync<PassRates>("/api/quality/pass-rates", GradeLensApplication.Json);
        Assert.Equal(2, Assert.Single(rates!.Modules).PassRate.Of);
        var audit = await client.GetStringAsync("/api/admin/audit");
        Assert.Contains("quality tables of 'uni'", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orphans_are_refused_each_with_its_file_line_and_column_and_the_store_is_left_as_it_was()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();
        using (var good = Form(("programmes.csv", Programmes), ("modules.csv", Modules), ("enrolments.csv", Enrolments), ("assessments.csv", Assessments), ("grades.csv", Grades)))
        {
            Assert.True((await ReportAsync(await client.PostAsync("/api/quality/imports", good))).Succeeded);
        }

        var before = await client.GetStringAsync("/api/overview");
        using var form = Form(("programmes.csv", Programmes), ("modules.csv", Modules + "M2,P9,Optics,2024-Fall\n"), ("enrolments.csv", Enrolments + "S3,M7\n"),
            ("assessments.csv", Assessments), ("grades.csv", Grades + "S1,A9,2024-10-14,50\nS2,A1,2024-10-14,120\n"));

        var report = await ReportAsync(await client.PostAsync("/api/quality/imports", form));

        Assert.False(report.Succeeded);
        Assert.StartsWith("Nothing was written", report.Message, StringComparison.Ordinal);
        AssertRejected(report, "modules.csv", 3, "programme", "a module of an unknown programme");
        AssertRejected(report, "enrolments.csv", 4, "module_id", "an enrolment in an unknown module");
        AssertRejected(report, "grades.csv", 4, "assessment_id", "a grade for an unknown assessment");
        AssertRejected(report, "grades.csv", 5, "mark", "a mark must be within 0-100");
        Assert.Equal(before, await client.GetStringAsync("/api/overview"));
    }

    [Fact]
    public async Task A_bad_date_order_is_a_validation_problem_naming_it_and_a_png_or_a_body_that_is_not_multipart_is_refused()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();
        using var form = Form(("modules.csv", Modules));
        form.Add(new StringContent("sometimes"), "dateOrder");
        using var png = Form(("modules.csv", Modules), ("chart.png", "\x89PNG"));

        using var invalid = await client.PostAsync("/api/quality/imports", form);
        using var refused = await client.PostAsync("/api/quality/imports", png);
        using var json = await client.PostAsJsonAsync("/api/quality/imports", new { });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("dateOrder", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var problem = await ApiTests.ReadProblemAsync(refused, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("'chart.png'", problem.Detail, StringComparison.Ordinal);
        await ApiTests.ReadProblemAsync(json, HttpStatusCode.UnsupportedMediaType);
    }

    private static void AssertRejected(QualityImportReport report, string file, long line, string column, string reason) =>
        Assert.True(report.Rejected.Any(r => r.File == file && r.Line == line && r.Column == column && r.Reason.Contains(reason, StringComparison.Ordinal)),
            $"no rejection {file}:{line} {column} '{reason}' among:\n{string.Join("\n", report.Rejected)}");

    private static async Task<QualityImportReport> ReportAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
            return System.Text.Json.JsonSerializer.Deserialize<QualityImportReport>(body, GradeLensApplication.Json)!;
        }
    }

    private static MultipartFormDataContent Form(params (string Name, string Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            form.Add(file, "files", name);
        }

        return form;
    }
}
