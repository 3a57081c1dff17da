using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GradeLens.Core.Benchmarks;
using GradeLens.Core.Demo;
using GradeLens.Core.Quality.Import;
using Microsoft.Extensions.DependencyInjection;

namespace GradeLens.Web.Tests;

/// <summary>The Quality API over a generated university: every endpoint, suppression as it reaches the caller, refused filters.</summary>
public sealed class QualityApiTests(QualityApiTests.University fixture) : IClassFixture<QualityApiTests.University>
{
    /// <summary>One app over the demo-sized university (imported from its CSV tables) and a one-programme faculty of two small modules; the tests only read.</summary>
    public sealed class University : IAsyncLifetime
    {
        public GradeLensApplication Application { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Application = await GradeLensApplication.StartAsync();
            var store = Application.App.Services.GetRequiredService<IGradeStore>();
            var folder = Directory.CreateTempSubdirectory("gradelens-quality-web-");
            try
            {
                QualityCsvWriter.Write(folder.FullName, UniversityShape.Demo, seed: 21);
                var report = await store.ImportQualityAsync([folder.FullName], "uni");
                Assert.True(report.Succeeded, report.Message);
            }
            finally
            {
                folder.Delete(recursive: true);
            }

            await store.WriteQualityAsync(SmallModules, "small");
        }

        public async Task DisposeAsync() => await Application.DisposeAsync();
    }

    /// <summary>M22: 22 students (15 pass); M23: 23 students (16 pass).</summary>
    internal static QualityData SmallModules { get; } = new(
        [new Programme("PX", "Optics", "Physics")],
        [new CourseModule("M22", "PX", "Lenses", "2024-Fall"), new CourseModule("M23", "PX", "Mirrors", "2024-Fall")],
        [.. Roster("M22", 22).Concat(Roster("M23", 23)).Select(s => new Enrolment(s.Student, s.Module))],
        [new ModuleAssessment("A22", "M22", "Exam", new DateOnly(2024, 12, 6), new DateOnly(2024, 12, 20), 1),
            new ModuleAssessment("A23", "M23", "Exam", new DateOnly(2024, 12, 6), new DateOnly(2024, 12, 20), 1)],
        [.. Roster("M22", 22).Select((s, i) => new AssessmentGrade(s.Student, "A22", null, i < 15 ? 60 : 40)),
            .. Roster("M23", 23).Select((s, i) => new AssessmentGrade(s.Student, "A23", null, i < 16 ? 60 : 40))],
        [], []);

    private static IEnumerable<(string Student, string Module)> Roster(string module, int count) =>
        Enumerable.Range(1, count).Select(i => ($"{module}-S{i}", module));

    public static TheoryData<string> Endpoints => ["pass-rates", "trends", "turnaround?asOf=2026-01-15", "engagement", "at-risk"];

    [Fact]
    public async Task The_choices_list_the_universitys_faculties_programmes_and_terms_in_order()
    {
        using var client = fixture.Application.CreateClient();

        var choices = await client.GetFromJsonAsync<QualityChoices>("/api/quality/choices", GradeLensApplication.Json);

        Assert.NotNull(choices);
        Assert.Equal(146, choices.Modules);
        Assert.Equal(["2024-Fall", "2025-Spring", "2025-Fall"], choices.Terms);
        Assert.Contains("Physics", choices.Faculties);
        Assert.Equal(7, choices.Programmes.Count);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_kpi_endpoint_answers_unfiltered_and_narrowed_to_a_programme_and_a_term(string endpoint)
    {
        using var client = fixture.Application.CreateClient();
        var separator = endpoint.Contains('?', StringComparison.Ordinal) ? "&" : "?";

        var all = await client.GetStringAsync($"/api/quality/{endpoint}");
        var narrowed = await client.GetStringAsync($"/api/quality/{endpoint}{separator}programme=Medicine&term=2025-Spring");

        Assert.Contains("\"lower\":", all, StringComparison.Ordinal);
        Assert.Contains("Medicine", narrowed, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Nursing\"", narrowed, StringComparison.Ordinal);
        Assert.True(narrowed.Length < all.Length, endpoint);
    }

    [Fact]
    public async Task A_module_of_22_students_reaches_the_api_as_low_with_no_rate_count_or_interval_and_one_of_23_with_its_wilson_interval()
    {
        using var client = fixture.Application.CreateClient();

        var rates = await client.GetFromJsonAsync<PassRates>("/api/quality/pass-rates?faculty=Physics", GradeLensApplication.Json);
        var risks = await client.GetFromJsonAsync<AtRiskAnswer>("/api/quality/at-risk?programme=PX", GradeLensApplication.Json);
        using var raw = JsonDocument.Parse(await client.GetStringAsync("/api/quality/pass-rates?programme=PX"));

        var small = rates!.Modules.Single(m => m.ModuleId == "M22").PassRate;
        Assert.True(small.Suppressed);
        Assert.Equal((null, 22, null, null, null), (small.Count, small.Of, small.Value, small.Lower, small.Upper));
        var large = rates.Modules.Single(m => m.ModuleId == "M23").PassRate;
        var (lower, upper) = WilsonInterval.Of(16, 23);
        Assert.False(large.Suppressed);
        Assert.Equal(16, large.Count);
        Assert.Equal(16.0 / 23, large.Value!.Value, 12);
        Assert.Equal(lower, large.Lower!.Value, 12);
        Assert.Equal(upper, large.Upper!.Value, 12);
        Assert.Equal(RiskEvidence.Low, risks!.Modules.Single(m => m.Module.ModuleId == "M22").Evidence);
        Assert.False(risks.Modules.Single(m => m.Module.ModuleId == "M22").AtRisk);
        var suppressed = raw.RootElement.GetProperty("modules").EnumerateArray().Single(m => m.GetProperty("moduleId").GetString() == "M22").GetProperty("passRate");
        Assert.Equal(JsonValueKind.Null, suppressed.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, suppressed.GetProperty("count").ValueKind);
    }

    [Fact]
    public async Task Release_rounds_the_published_counts_to_five_and_the_rules_reach_the_answer()
    {
        using var client = fixture.Application.CreateClient();

        var release = await client.GetFromJsonAsync<PassRates>("/api/quality/pass-rates?programme=PX&release=true", GradeLensApplication.Json);
        var strict = await client.GetFromJsonAsync<AtRiskAnswer>("/api/quality/at-risk?programme=PX&passMark=70&atRiskPassRate=0.8&atRiskSurvey=4", GradeLensApplication.Json);

        Assert.Equal((15, 25), (release!.Modules.Single(m => m.ModuleId == "M23").PassRate.Count, release.Modules.Single(m => m.ModuleId == "M23").PassRate.Of));
        Assert.Equal(new AtRiskRule(0.8, 4), strict!.Rule);
        Assert.Contains("≥ 70", strict.MarkRule, StringComparison.Ordinal);
        Assert.Equal(0, strict.Modules.Single(m => m.Module.ModuleId == "M23").Module.PassRate.Count);
    }

    [Theory]
    [InlineData("/api/quality/pass-rates?programme=Alchemy", "programme")]
    [InlineData("/api/quality/trends?faculty=Divinity", "faculty")]
    [InlineData("/api/quality/engagement?term=1999-Fall", "term")]
    [InlineData("/api/quality/at-risk?passMark=101", "PassMark")]
    [InlineData("/api/quality/at-risk?atRiskPassRate=NaN", "AtRiskPassRate")]
    [InlineData("/api/quality/at-risk?atRiskSurvey=6", "AtRiskSurvey")]
    [InlineData("/api/quality/pass-rates?missing=sometimes", "missing")]
    [InlineData("/api/quality/turnaround?asOf=01/15/2026", "asOf")]
    [InlineData("/api/quality/turnaround?policyDays=0", "PolicyDays")]
    public async Task A_filter_naming_nothing_in_the_view_or_a_bad_rule_is_a_400_naming_the_field(string url, string field)
    {
        using var client = fixture.Application.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.True(fields.Contains(field, StringComparer.OrdinalIgnoreCase), $"{url}: errors name {string.Join(", ", fields)}");
    }

    [Fact]
    public async Task The_turnaround_is_aged_to_the_day_asked_and_lists_outstanding_work_with_the_policy_limit()
    {
        using var client = fixture.Application.CreateClient();

        var early = await client.GetFromJsonAsync<TurnaroundView>("/api/quality/turnaround?asOf=2025-01-10&programme=Law", GradeLensApplication.Json);
        var late = await client.GetFromJsonAsync<TurnaroundView>("/api/quality/turnaround?asOf=2026-06-30&programme=Law&policyDays=15", GradeLensApplication.Json);

        Assert.True(early!.NotYetDue > 0);
        Assert.Equal(0, late!.NotYetDue);
        Assert.Equal(15, late.PolicyWorkingDays);
        Assert.Equal(late.Returned, late.Histogram.Sum(h => h.Assessments));
        Assert.All(late.OutstandingListed, a => Assert.Equal(TurnaroundStatus.Outstanding, a.Status));
        Assert.Equal("weekends and England and Wales bank holidays", late.Calendar);
    }
}
