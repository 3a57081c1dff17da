using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GradeLens.Browser.Tests;

/// <summary>The Risk, Triage, Clusters, Students and Models pages over 120 generated students (Maths and English in two mocks and the GCSE).</summary>
public sealed class RiskPagesTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    private const int Students = GeneratedCohort.Students;

    private static Task<LiveServer> WithCohortAsync() => GeneratedCohort.StartAsync();

    [BrowserFact]
    public async Task Risk_page_shows_the_cross_validated_auc_a_reliability_diagram_over_every_student_and_the_fairness_and_odds_tables()
    {
        await using var server = await WithCohortAsync();
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);

        await page.GotoAsync(server.Url("/risk"));
        await page.Locator("#target-subject").SelectOptionAsync("Maths");
        await page.Locator("#odds-table table.odds-ratios").WaitForAsync();
        await page.Locator("#risk-title", new PageLocatorOptions { HasTextString = "Maths in GCSE below 4" }).WaitForAsync();

        Assert.Equal(["AUC", "AUC 95% CI", "Brier", "Log-loss (nats)", "Features"], await page.Locator("#risk-cards .label").AllTextContentsAsync());
        var auc = double.Parse(await page.Locator("#risk-cards .card").First.Locator(".value").TextContentAsync() ?? "", CultureInfo.InvariantCulture);
        Assert.InRange(auc, 0.5, 1.0);
        var binStudents = (await page.Locator("#reliability-table td[data-key=students]").AllTextContentsAsync()).Sum(int.Parse);
        Assert.Equal(Students, binStudents);
        Assert.Equal(2, await page.Locator("#reliability-chart g.trace.scatter").CountAsync());
        Assert.Equal(["gender: F", "gender: M"], await page.Locator("#fairness-table td[data-key=group]").AllTextContentsAsync());
        Assert.Contains("MOCK 2 Maths", await page.Locator("#odds-table td[data-key=feature]").AllTextContentsAsync());
        Assert.DoesNotContain(await page.Locator("#odds-table td[data-key=feature]").AllTextContentsAsync(), f => f.StartsWith("GCSE", StringComparison.Ordinal));
        Assert.Contains("gender", await page.Locator("#risk-notes").TextContentAsync(), StringComparison.Ordinal);
        Assert.StartsWith("data:text/csv", await page.Locator("#reliability-table a.export").GetAttributeAsync("href"));
        await PageEvidence.ScreenshotAsync(page, "risk", output);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task Triage_page_lists_as_many_students_as_the_capacity_highest_risk_first_and_pseudonymises_on_request()
    {
        await using var server = await WithCohortAsync();
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);

        await page.GotoAsync(server.Url("/triage"));
        await page.Locator("#target-subject").SelectOptionAsync("Maths");
        await page.Locator("#capacity").FillAsync("5");
        await page.Locator("#capacity").DispatchEventAsync("change");
        await page.Locator("#triage-title", new PageLocatorOptions { HasTextString = "5 of 120 students" }).WaitForAsync();

        var risks = (await page.Locator("#triage-table td[data-key=riskPercent]").AllTextContentsAsync()).Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(5, risks.Count);
        Assert.Equal(risks.OrderByDescending(r => r), risks);
        Assert.All(await page.Locator("#triage-table td[data-key=student]").AllTextContentsAsync(), id => Assert.StartsWith("S", id, StringComparison.Ordinal));
        Assert.Equal(5, await page.Locator("#triage-chart g.trace.bars path").CountAsync());

        await page.Locator("#pseudonymise").CheckAsync();
        await page.Locator("#triage-note", new PageLocatorOptions { HasTextString = "pseudonymised" }).WaitForAsync();
        Assert.All(await page.Locator("#triage-table td[data-key=student]").AllTextContentsAsync(), id => Assert.StartsWith("P-", id, StringComparison.Ordinal));
        var csv = Uri.UnescapeDataString(await page.Locator("#triage-table a.export").GetAttributeAsync("href") ?? "");
        Assert.Contains("Rank,Student,Risk %,Outcome,Why", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",S0", csv, StringComparison.Ordinal);
        await PageEvidence.ScreenshotAsync(page, "triage", output);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task Clusters_students_and_models_pages_draw_their_charts_with_tables()
    {
        await using var server = await WithCohortAsync();
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);

        await page.GotoAsync(server.Url("/clusters"));
        await page.Locator("#cluster-k").SelectOptionAsync("3");
        await page.Locator("#clusters-title", new PageLocatorOptions { HasTextString = "in 3 clusters" }).WaitForAsync();
        await page.Locator("#profile-chart .heatmaplayer").First.WaitForAsync();
        Assert.Equal(3, await page.Locator("#profile-table tbody tr").CountAsync());
        Assert.Equal(Students, (await page.Locator("#profile-table td[data-key=students]").AllTextContentsAsync()).Sum(int.Parse));
        await PageEvidence.ScreenshotAsync(page, "clusters", output);

        await page.GotoAsync(server.Url("/students"));
        await page.Locator("#target-subject").SelectOptionAsync("Maths");
        await page.Locator("#student-id").FillAsync("S001");
        await page.Locator("#find-button").ClickAsync();
        await page.Locator("#student-risk-title", new PageLocatorOptions { HasTextString = "Risk " }).Locator("text=%").WaitForAsync();
        Assert.Equal(["English", "Maths"], (await page.Locator("#standing-table td[data-key=subject]").AllTextContentsAsync()).Order());
        // Every result: two subjects in three series, a line per subject over the series in order.
        Assert.Equal("Every result: 6 results in 2 subjects", await page.Locator("#results-title").TextContentAsync());
        Assert.Equal(6, await page.Locator("#results-table tbody tr").CountAsync());
        Assert.Equal(2, await page.Locator("#results-chart g.trace.scatter").CountAsync());
        Assert.Equal(["MOCK 1", "MOCK 2", "GCSE"], await page.Locator("#results-chart .xtick text").AllTextContentsAsync());
        Assert.StartsWith("Cluster ", await page.Locator("#student-cluster-title").TextContentAsync(), StringComparison.Ordinal);
        await PageEvidence.ScreenshotAsync(page, "students", output);

        await page.GotoAsync(server.Url("/models"));
        await page.Locator("#model-outcome").SelectOptionAsync("Maths");
        await page.Locator("#model-features input[value=English]").CheckAsync();
        await page.Locator("#model-button").ClickAsync();
        await page.Locator("#model-title", new PageLocatorOptions { HasTextString = "Maths in GCSE: Ordinary least squares" }).WaitForAsync();
        Assert.Equal(["CV R²", "CV RMSE", "CV MAE", "In-sample R²"], await page.Locator("#model-cards .label").AllTextContentsAsync());
        Assert.Equal(["const", "English"], await page.Locator("#coefficients-table td[data-key=name]").AllTextContentsAsync());
        Assert.Equal(["English"], await page.Locator("#importance-table td[data-key=feature]").AllTextContentsAsync());
        await PageEvidence.ScreenshotAsync(page, "models", output);

        await page.Locator("#model-method").SelectOptionAsync("forest");
        await page.Locator("#model-title", new PageLocatorOptions { HasTextString = "Random forest" }).WaitForAsync();
        Assert.True(await page.Locator("#coefficients-title").IsHiddenAsync());
        Assert.Equal(["English"], await page.Locator("#importance-table td[data-key=feature]").AllTextContentsAsync());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task Every_model_page_opens_on_its_defaults_on_a_target_that_exists_without_an_error()
    {
        await using var server = await WithCohortAsync();
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);
        var failures = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 500) { failures.Add($"{response.Status} {response.Url}"); }
        };

        // No menu touched: each page opens on what the data has (the GCSE, the latest series among equals).
        await page.GotoAsync(server.Url("/risk"));
        await page.Locator("#odds-table table.odds-ratios").WaitForAsync();
        Assert.StartsWith("English in GCSE below 4", await page.Locator("#risk-title").TextContentAsync(), StringComparison.Ordinal);
        await page.Locator("#curve-table table.auc-by-cutoff").WaitForAsync();
        Assert.Equal(["before any series", "MOCK 1", "MOCK 2"], await page.Locator("#curve-table td[data-key=cutoff]").AllTextContentsAsync());
        Assert.StartsWith("Model fitted at", await page.Locator("#risk-fitted").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(["every earlier series", "as of MOCK 1", "as of MOCK 2"], await page.Locator("#cutoff option").AllTextContentsAsync());

        await page.GotoAsync(server.Url("/triage"));
        await page.Locator("#triage-table tbody tr").First.WaitForAsync();
        Assert.True(await page.Locator("#triage-error").IsHiddenAsync());

        await page.GotoAsync(server.Url("/students"));
        await page.Locator("#student-risk-title", new PageLocatorOptions { HasTextString = "Risk " }).Locator("text=%").WaitForAsync();

        await page.GotoAsync(server.Url("/models"));
        await page.Locator("#model-title", new PageLocatorOptions { HasTextString = "in GCSE" }).WaitForAsync();
        Assert.True(await page.Locator("#model-error").IsHiddenAsync());

        await page.GotoAsync(server.Url("/clusters"));
        await page.Locator("#clusters-title", new PageLocatorOptions { HasTextString = "GCSE" }).WaitForAsync();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
