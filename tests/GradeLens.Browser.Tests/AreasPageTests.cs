using System.Collections.Concurrent;
using System.Globalization;
using GradeLens.Core.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GradeLens.Browser.Tests;

/// <summary>The Areas page over the demo's national set, with every request to anything but the app itself blocked.</summary>
public sealed class AreasPageTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    private static async Task<LiveServer> WithDemoAreasAsync()
    {
        var server = await LiveServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("gradelens-browser-areas-");
        try
        {
            foreach (var file in AreaFigures.Write(folder.FullName, new Random(44)))
            {
                var report = await server.Store.ImportAsync(new ImportRequest([file.Path], file.Mapping, Organisation: DemoGenerator.Organisation));
                Assert.True(report.Succeeded, report.Message);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return server;
    }

    /// <summary>Lets through only requests to the app (and data: URLs); records and aborts every other one, as a machine offline would.</summary>
    private static async Task<ConcurrentQueue<string>> OfflineAsync(IPage page, LiveServer server)
    {
        var blocked = new ConcurrentQueue<string>();
        await page.Context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme == "data" || (url.Host == server.Address.Host && url.Port == server.Address.Port))
            {
                await route.ContinueAsync();
                return;
            }

            blocked.Enqueue(route.Request.Url);
            await route.AbortAsync();
        });
        return blocked;
    }

    [BrowserFact]
    public async Task Hovering_the_scatter_names_the_area_and_year_and_the_county_map_draws_its_shapes_offline()
    {
        await using var server = await WithDemoAreasAsync();
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);
        var blocked = await OfflineAsync(page, server);

        await page.GotoAsync(server.Url("/areas"));
        var point = page.Locator("#scatter-chart .scatterlayer .trace").Last.Locator("path.point").Nth(100);
        await point.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        var box = (await point.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Locator("#scatter-chart .hoverlayer .hovertext").WaitForAsync();
        var hover = string.Join(" ", await page.Locator("#scatter-chart .hoverlayer .hovertext text").AllTextContentsAsync());
        Assert.Matches(@"^[A-Z][A-Za-z ]+ (2003|2005|2007|2009|2011|2013|2015|2017|2019)\s*Poverty %: [0-9.]+\s*Mathematics grade 4: [0-9.]+$", hover.Trim());
        Assert.StartsWith("Mathematics grade 4 against Poverty %, every year: 459 area-years, r = -", await page.Locator("#scatter-title").TextContentAsync(), StringComparison.Ordinal);

        // The maps: us-atlas's shapes from the app, nothing from a CDN.
        await page.Locator("#county-map path.choroplethlocation").Nth(2500).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        var counties = await page.Locator("#county-map path.choroplethlocation").CountAsync();
        Assert.InRange(counties, 2900, 3141);
        Assert.Equal(51, await page.Locator("#state-map path.choroplethlocation").CountAsync());
        var note = await page.Locator("#county-note").TextContentAsync();
        Assert.StartsWith("3141 counties with 2020 figures;", note, StringComparison.Ordinal);
        Assert.Contains("predicts what a state with those figures would score", await page.Locator("#county-standing").TextContentAsync(), StringComparison.Ordinal);
        Assert.StartsWith("data:text/csv", await page.Locator("#county-table a.export").GetAttributeAsync("href"));
        Assert.Equal(1, await page.Locator("#county-table button.png-export").CountAsync());

        // The county's hover carries its interval.
        await page.Locator("#county-map").ScrollIntoViewIfNeededAsync();
        var county = (await page.Locator("#county-map path.choroplethlocation").Nth(1200).BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(county.X + (county.Width / 2), county.Y + (county.Height / 2));
        await page.Locator("#county-map .hoverlayer .hovertext").WaitForAsync();
        Assert.Matches(@"predicted [0-9.]+ \(95% PI [0-9.]+ to [0-9.]+\)", string.Join(" ", await page.Locator("#county-map .hoverlayer .hovertext text").AllTextContentsAsync()));

        // The model comparison (four models, three validations, four scores) runs once its panel is in view.
        await page.Locator("#models-chart").ScrollIntoViewIfNeededAsync();
        await page.Locator("#models-table table.area-models").WaitForAsync(new LocatorWaitForOptions { Timeout = 180_000 });
        Assert.StartsWith("The page uses ", await page.Locator("#models-choice").TextContentAsync(), StringComparison.Ordinal);
        await PageEvidence.ScreenshotAsync(page, "areas", output);
        Assert.True(blocked.IsEmpty, "requests off the app: " + string.Join(", ", blocked));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task The_what_if_form_is_bounded_to_the_observed_ranges_and_answers_four_predictions_with_intervals_and_the_badge()
    {
        await using var server = await WithDemoAreasAsync();
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);
        var blocked = await OfflineAsync(page, server);

        await page.GotoAsync(server.Url("/areas"));
        await page.Locator("#what-if-poverty[min]").WaitForAsync();
        var min = double.Parse((await page.Locator("#what-if-poverty").GetAttributeAsync("min"))!, CultureInfo.InvariantCulture);
        var max = double.Parse((await page.Locator("#what-if-poverty").GetAttributeAsync("max"))!, CultureInfo.InvariantCulture);
        Assert.True(min >= 0 && max <= 100 && min < max, $"poverty bounded to {min}-{max}");

        await page.Locator("#what-if-poverty").FillAsync("12");
        await page.Locator("#what-if-income").FillAsync("52000");
        await page.Locator("#what-if-unemployment").FillAsync("5");
        await page.Locator("#what-if-button").ClickAsync();
        await page.Locator("#what-if-table table.what-if-predictions").WaitForAsync();

        Assert.Equal(["Mathematics grade 4", "Mathematics grade 8", "Reading grade 4", "Reading grade 8"], await page.Locator("#what-if-table td[data-key=score]").AllTextContentsAsync());
        var predicted = Numbers(await page.Locator("#what-if-table td[data-key=predicted]").AllTextContentsAsync());
        var lower = Numbers(await page.Locator("#what-if-table td[data-key=lower]").AllTextContentsAsync());
        var upper = Numbers(await page.Locator("#what-if-table td[data-key=upper]").AllTextContentsAsync());
        Assert.All(Enumerable.Range(0, 4), i => Assert.True(lower[i] < predicted[i] && predicted[i] < upper[i]));
        Assert.True(await page.Locator("#what-if-badge").IsHiddenAsync());
        Assert.Equal(5, await page.Locator("#what-if-nearest tbody tr").CountAsync());
        Assert.Contains("OLS fitted on data version", await page.Locator("#what-if-version").TextContentAsync(), StringComparison.Ordinal);

        // Figures inside the bounds but beyond the states' (a county-like income) are predicted and flagged.
        var income = await page.Locator("#what-if-income").GetAttributeAsync("max");
        await page.Locator("#what-if-income").FillAsync(income!);
        await page.Locator("#what-if-button").ClickAsync();
        await page.Locator("#what-if-badge").WaitForAsync();
        Assert.Contains("median_income", string.Join(" ", await page.Locator("#what-if-reasons li").AllTextContentsAsync()), StringComparison.Ordinal);

        // A ZIP code with its leading zeros.
        await page.Locator("#zip-code").FillAsync("00501");
        await page.Locator("#zip-button").ClickAsync();
        await page.Locator("#zip-table table.zip-predictions").WaitForAsync();
        Assert.StartsWith("The ZIP code 00501 lies in Alabama County 001, Alabama.", await page.Locator("#zip-message").TextContentAsync(), StringComparison.Ordinal);

        await PageEvidence.ScreenshotAsync(page, "areas-what-if", output);
        Assert.True(blocked.IsEmpty, "requests off the app: " + string.Join(", ", blocked));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static double[] Numbers(IEnumerable<string> texts) => [.. texts.Select(t => double.Parse(t.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture))];
}
