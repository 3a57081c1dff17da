using System.Net;
using System.Text.Json;

namespace GradeLens.Web.Tests.Security;

/// <summary>
/// The page filters through the API (issue 17.9): offered within each caller's reach, narrowing every answer of the
/// pages that take them, refused naming the field outside it, and never offered to an analyst (decision 0008).
/// </summary>
public sealed class FilterAccessTests(TwoTrustsFixture fixture) : IClassFixture<TwoTrustsFixture>
{
    [Fact]
    public async Task A_leader_is_offered_the_trusts_schools_and_each_class_within_its_school()
    {
        using var client = await fixture.App.SignInAsync("lena", TwoTrusts.Password);

        using var menu = JsonDocument.Parse(await client.GetStringAsync("/api/filters"));

        var choices = menu.RootElement.GetProperty("choices");
        Assert.Equal(["North School", "South School"], choices.GetProperty("schools").EnumerateArray().Select(c => c.GetProperty("value").GetString()));
        Assert.Equal(["10X at North School", "10Y at North School", "10Y at South School", "11Z at South School"],
            choices.GetProperty("classes").EnumerateArray().Select(c => $"{c.GetProperty("value").GetString()} at {c.GetProperty("school").GetString()}"));
        Assert.Equal(JsonValueKind.Null, menu.RootElement.GetProperty("note").ValueKind);
    }

    [Fact]
    public async Task A_school_and_a_class_narrow_the_tracking_boxes_and_the_triage_list_to_their_students()
    {
        using var client = await fixture.App.SignInAsync("lena", TwoTrusts.Password);

        Assert.Equal(240, await StudentsAsync(client, "/api/tracking/series?subject=Maths"));
        Assert.Equal(120, await StudentsAsync(client, "/api/tracking/series?subject=Maths&school=North%20School"));
        Assert.Equal(60, await StudentsAsync(client, "/api/tracking/series?subject=Maths&school=South%20School&class=10Y"));

        using var triage = JsonDocument.Parse(await client.GetStringAsync("/api/triage?series=Final&subject=Maths&school=North%20School&class=10Y"));
        var rows = triage.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("student").GetString()!).ToList();
        Assert.Equal(60, triage.RootElement.GetProperty("students").GetInt32());
        Assert.Equal(60, rows.Count);
        Assert.All(rows, id => Assert.True(id.StartsWith("north-", StringComparison.Ordinal) && int.Parse(id[6..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 0, id));
    }

    [Fact]
    public async Task A_teacher_is_refused_a_school_outside_their_reach_naming_the_field()
    {
        using var client = await fixture.App.SignInAsync("tom", TwoTrusts.Password);

        using var response = await client.GetAsync("/api/gaps/table?attribute=gender&school=South%20School");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = problem.RootElement.GetProperty("errors").GetProperty("school")[0].GetString()!;
        Assert.Equal("'South School' is not a school of the students you can see. Choose one of: North School.", message);
    }

    [Fact]
    public async Task An_analyst_gets_no_filters_and_a_filtered_request_is_refused_with_the_reason()
    {
        using var client = await fixture.App.SignInAsync("ann", TwoTrusts.Password);

        using var menu = JsonDocument.Parse(await client.GetStringAsync("/api/filters"));
        using var response = await client.GetAsync("/api/tracking/series?subject=Maths&yearGroup=10");

        Assert.Empty(menu.RootElement.GetProperty("choices").GetProperty("schools").EnumerateArray());
        Assert.Contains("Filters are for those who may see students' rows", menu.RootElement.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("yearGroup", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_declares_the_three_filters_on_the_pages_that_take_them()
    {
        using var client = await fixture.App.SignInAsync("admin", TwoTrusts.Password);

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        foreach (var path in new[] { "/api/overview", "/api/overview/attainment", "/api/tracking/series", "/api/gaps/table", "/api/triage" })
        {
            var names = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
                .Select(p => p.GetProperty("name").GetString()).ToList();
            Assert.True(names.Contains("school") && names.Contains("class") && names.Contains("yearGroup"), $"{path}: {string.Join(", ", names)}");
        }
    }

    private static async Task<long> StudentsAsync(HttpClient client, string url)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(url));
        return json.RootElement.GetProperty("students").GetInt64();
    }
}
