using System.Text.Json;
using GradeLens.Core.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GradeLens.Browser.Tests;

/// <summary>The page filters in the browser (issue 17.9): a class chosen on Tracking narrows its boxes, stays in the address for the other filtered pages, and is undone in one click.</summary>
public sealed class FiltersPageTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    [BrowserFact]
    public async Task Choosing_a_class_on_tracking_narrows_the_boxes_to_its_students_and_show_everyone_undoes_it()
    {
        await using var server = await LiveServer.StartAsync();
        await DemoBuilder.BuildAsync(server.Store, new DemoOptions(NationalStudents: 500));
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);

        await page.GotoAsync(server.Url("/tracking"));
        await page.Locator("#series-table table.series-boxes").WaitForAsync();
        await page.Locator("#filter-class").WaitForAsync();
        await PageSettled.WaitAsync(page);
        var everyone = await LargestAsync(page);
        using var menu = JsonDocument.Parse(await page.EvaluateAsync<string>("async () => JSON.stringify(await (await fetch('/api/filters')).json())"));
        var chosen = menu.RootElement.GetProperty("choices").GetProperty("classes")[0];
        var name = chosen.GetProperty("value").GetString()!;

        // The choice opens the page again on its new address: wait for that navigation, started by the choice itself.
        var narrowing = page.WaitForURLAsync(url => url.Contains("class=" + Uri.EscapeDataString(name), StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 60_000 });
        await page.Locator("#filter-class").SelectOptionAsync(name);
        await narrowing;
        await page.Locator("#series-table table.series-boxes").WaitForAsync();
        await PageSettled.WaitAsync(page);
        await PageEvidence.ScreenshotAsync(page, "tracking-filtered", output);

        Assert.Equal(name, await page.Locator("#filter-class").InputValueAsync());
        Assert.Contains($"Showing only class {name}.", await page.Locator(".filter-state").TextContentAsync(), StringComparison.Ordinal);
        var narrowed = await LargestAsync(page);
        Assert.True(narrowed < everyone, $"{narrowed} students in class {name}, {everyone} in all");
        Assert.True(narrowed <= chosen.GetProperty("students").GetInt32());

        var widening = page.WaitForURLAsync(url => !url.Contains("class=", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 60_000 });
        await page.Locator(".filter-state a", new PageLocatorOptions { HasTextString = "Show everyone" }).ClickAsync();
        await widening;
        await page.Locator("#series-table table.series-boxes").WaitForAsync();
        await PageSettled.WaitAsync(page);
        Assert.Equal(everyone, await LargestAsync(page));
        Assert.Empty(errors);
    }

    // The most students in any series of the boxes' table (its N column).
    private static async Task<int> LargestAsync(IPage page) =>
        (await page.Locator("#series-table table.series-boxes td[data-key=n]").AllTextContentsAsync())
        .Select(t => int.Parse(t.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)).Max();
}
