using GradeLens.Core.Demo;
using GradeLens.Web.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GradeLens.Browser.Tests;

/// <summary>Every page on a 390 x 844 phone over the demo: nothing wider than the screen, the navigation behind a menu button.</summary>
public sealed class PhoneLayoutTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    [BrowserFact]
    public async Task No_page_scrolls_sideways_on_a_390_px_phone_and_the_navigation_folds_into_a_menu_button()
    {
        await using var server = await LiveServer.StartAsync();
        await DemoBuilder.BuildAsync(server.Store, new DemoOptions(NationalStudents: 3000));
        var page = await chromium.NewPageAsync(390, 844);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var wide = new List<string>();

        foreach (var dashboardPage in DashboardPage.All)
        {
            await page.GotoAsync(server.Url(dashboardPage.Path));
            await PageSettled.WaitAsync(page);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, innerWidth]");
            if (widths[0] > widths[1])
            {
                wide.Add($"{dashboardPage.Title}: {widths[0]} px wide on a {widths[1]} px screen");
            }

            Assert.True(await page.Locator("#nav-pages").IsHiddenAsync(), $"{dashboardPage.Title} shows the whole navigation");
            Assert.True(await page.Locator("#menu-button").IsVisibleAsync(), $"{dashboardPage.Title} has no menu button");
            await PageEvidence.ScreenshotAsync(page, "phone-" + dashboardPage.Title.ToLowerInvariant(), output);
        }

        Assert.True(wide.Count == 0, string.Join("\n", wide));

        // The menu opens the navigation (and says so to a screen reader); its links still lead to every page.
        await page.Locator("#menu-button").ClickAsync();
        Assert.Equal("true", await page.Locator("#menu-button").GetAttributeAsync("aria-expanded"));
        await page.Locator("#nav-pages a", new PageLocatorOptions { HasTextString = "Equity" }).ClickAsync();
        await page.WaitForURLAsync(server.Url("/equity"));
        Assert.True(await page.Locator("#nav-pages").IsHiddenAsync());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task On_a_wide_screen_the_navigation_stays_open_and_there_is_no_menu_button()
    {
        await using var server = await LiveServer.StartAsync();
        var page = await chromium.NewPageAsync();

        await page.GotoAsync(server.Url("/"));

        Assert.True(await page.Locator("#nav-pages").IsVisibleAsync());
        Assert.True(await page.Locator("#menu-button").IsHiddenAsync());
    }
}
