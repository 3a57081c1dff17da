using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GradeLens.Browser.Tests;

/// <summary>The Explore page over the exam table: choose an attribute, read its groups and tests off the page, and the ranking.</summary>
public sealed class ExplorePageTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    [BrowserFact]
    public async Task Choosing_an_attribute_shows_its_groups_in_order_with_the_welch_test_and_every_attribute_ranked()
    {
        await using var server = await LiveServer.StartAsync();
        var report = await server.Store.ImportAsync(SharedSamples.Request("students-performance/StudentsPerformance.csv"));
        Assert.True(report.Succeeded, report.Message);
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);

        await page.GotoAsync(server.Url("/explore"));
        await page.Locator("#explore-by").SelectOptionAsync("parental level of education");
        await page.Locator("#explore-title", new PageLocatorOptions { HasTextString = "parental level of education" }).WaitForAsync();
        await PageSettled.WaitAsync(page);

        Assert.Equal(["some high school", "high school", "some college", "associate's degree", "bachelor's degree", "master's degree"],
            await page.Locator("#explore-table td[data-key=name]").AllTextContentsAsync());
        Assert.Equal(["179", "196", "226", "222", "118", "59"], await page.Locator("#explore-table td[data-key=students]").AllTextContentsAsync());
        var cards = await page.Locator("#explore-cards .card").AllTextContentsAsync();
        Assert.Contains(cards, c => c.StartsWith("Welch's ANOVA", StringComparison.Ordinal) && c.Contains("p < 0.001", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.StartsWith("Trend per level", StringComparison.Ordinal));
        Assert.Equal(15, await page.Locator("#explore-pairs td[data-key=group]").CountAsync());
        Assert.Equal("lunch", await page.Locator("#explore-ranking-table td[data-key=attribute]").First.TextContentAsync());
        var omega = double.Parse(await page.Locator("#explore-ranking-table td[data-key=omega]").First.TextContentAsync() ?? "", CultureInfo.InvariantCulture);
        Assert.InRange(omega, 0.12, 0.125);
        Assert.Contains("models?series=Final&outcome=Mathematics", await page.Locator("#explore-models").GetAttributeAsync("href"), StringComparison.Ordinal);

        await page.Locator("#explore-and").SelectOptionAsync("lunch");
        await page.Locator("#explore-heatmap-panel:not([hidden])").WaitForAsync();
        Assert.Equal(12, await page.Locator("#explore-heatmap-table td[data-key=mean]").CountAsync());
        await PageEvidence.ScreenshotAsync(page, "explore", output);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
