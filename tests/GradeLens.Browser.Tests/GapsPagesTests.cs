using System.Net.Http.Json;
using System.Text.Json;
using GradeLens.Core.Demo;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GradeLens.Browser.Tests;

/// <summary>The Gaps, Equity and Overlap pages in headless Chromium, over the demo and the shared exams file.</summary>
public sealed class GapsPagesTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    [BrowserFact]
    public async Task Gaps_page_draws_region_by_grade_and_domains_with_arabic_names_and_their_tables()
    {
        await using var server = await LiveServer.StartAsync();
        await DemoBuilder.BuildAsync(server.Store, new DemoOptions(NationalStudents: 3000));
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);

        await page.GotoAsync(server.Url("/gaps"));
        await page.Locator("#gaps-subject[aria-busy=false]").WaitForAsync();
        await page.Locator("#gaps-subject").SelectOptionAsync(new SelectOptionValue { Label = "Arabic (Spring 2026)" });
        await page.Locator("#gaps-title", new PageLocatorOptions { HasTextString = "Arabic (Spring 2026)" }).WaitForAsync();
        await page.Locator("#domains-table table.domain-cells").WaitForAsync();
        await PageEvidence.ScreenshotAsync(page, "gaps", output);

        Assert.Equal("3,000", await page.Locator("#gaps-cards .card .value").First.TextContentAsync());
        // 8 regions x 6 grades, 8 region totals, 6 grade totals and the national figure.
        Assert.Equal(48 + 8 + 6 + 1, await page.Locator("#gaps-table table.gap-cells tbody tr").CountAsync());
        Assert.Contains("البقاع", await page.Locator("#gaps-heatmap .ytick text").AllTextContentsAsync());
        var region = page.Locator("#gaps-table td[data-key=region]", new PageLocatorOptions { HasTextString = "البقاع" }).First;
        Assert.Equal("auto", await region.GetAttributeAsync("dir"));
        string[] domains = ["التعبير الكتابي", "القواعد", "فهم المقروء"];
        Assert.Equal(domains, (await page.Locator("#domains-heatmap .ytick text").AllTextContentsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(domains.Length * 9, await page.Locator("#domains-table table.domain-cells tbody tr").CountAsync());
        var csv = Uri.UnescapeDataString((await page.Locator("#gaps-table a.export").GetAttributeAsync("href"))!);
        Assert.Contains("البقاع", csv, StringComparison.Ordinal);
        Assert.Contains("Region,Grade,Students,Mean", csv, StringComparison.Ordinal);

        // Click البقاع, grade 3: that cell's domains beside the region's and the national figures, as the API gives them.
        await page.Locator("#gaps-heatmap").ScrollIntoViewIfNeededAsync();
        var point = await page.EvaluateAsync<float[]>("""
            () => { const gd = document.getElementById('gaps-heatmap'), box = gd.getBoundingClientRect();
                    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
                    return [box.left + xa._offset + xa.c2p(xa._categories.indexOf('3')), box.top + ya._offset + ya.c2p(ya._categories.indexOf('البقاع'))]; }
            """);
        // Plotly clicks what it hovers: move there, wait for the hover label, then click.
        await page.Mouse.MoveAsync(point[0], point[1]);
        await page.Locator("#gaps-heatmap .hoverlayer .hovertext").WaitForAsync();
        await page.Mouse.ClickAsync(point[0], point[1]);
        await page.Locator("#drill-title", new PageLocatorOptions { HasTextString = "in البقاع, grade 3" }).WaitForAsync();
        await page.Locator("#drill[aria-busy=false] #drill-table table.drill-cells").WaitForAsync();
        // The drill-down comes into view: its top in the upper half of the window, not under the tables above it.
        await page.WaitForFunctionAsync("() => { const top = document.getElementById('drill').getBoundingClientRect().top; return top >= 0 && top < innerHeight / 2; }");
        Assert.Equal(domains.Length * 3, await page.Locator("#drill-table tbody tr").CountAsync());
        Assert.Equal(3, await page.Locator("#drill-chart g.trace.bars").CountAsync());
        using var http = new HttpClient { BaseAddress = server.Address };
        var api = await http.GetFromJsonAsync<JsonElement>("/api/gaps/table?within=region,grade,domain&subject=Arabic&series=Spring%202026");
        var cell = api.GetProperty("cells").EnumerateArray().Single(c =>
            c.GetProperty("region").GetString() == "البقاع" && c.GetProperty("gradeLevel").GetString() == "3" && c.GetProperty("domain").GetString() == "القواعد");
        var row = page.Locator("#drill-table tr", new PageLocatorOptions { HasTextString = "القواعد" }).First;
        Assert.Equal("البقاع, grade 3", await row.Locator("td[data-key=level]").TextContentAsync());
        Assert.Equal(Math.Round(cell.GetProperty("percentBelow").GetDouble(), 1, MidpointRounding.AwayFromZero).ToString(System.Globalization.CultureInfo.InvariantCulture),
            await row.Locator("td[data-key=percentBelow]").TextContentAsync());
        await PageEvidence.ScreenshotAsync(page, "gaps-drill", output);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task Equity_page_shows_each_group_against_the_rest_with_marks_and_a_table_that_sorts()
    {
        await using var server = await LiveServer.StartAsync();
        var exams = SharedFile("students-performance/StudentsPerformance.csv");
        var mapping = ImportMapping.FromJson(await File.ReadAllTextAsync(SampleMapping("StudentsPerformance.csv")));
        var report = await server.Store.ImportAsync(new ImportRequest([exams], mapping));
        Assert.True(report.Succeeded, report.Message);
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);

        await page.GotoAsync(server.Url("/equity"));
        await page.Locator("#equity-by[aria-busy=false]").WaitForAsync();
        await page.Locator("#equity-within").SelectOptionAsync("subject");
        await page.Locator("#equity-by").SelectOptionAsync("race/ethnicity");
        await page.Locator("#equity-title", new PageLocatorOptions { HasTextString = "Mathematics: gaps by race/ethnicity" }).WaitForAsync();

        // Every key column is in view, none scrolled off its card: the gap, its interval, p and q.
        var card = (await page.Locator("#equity-table .table-wrap").BoundingBoxAsync())!;
        foreach (var heading in new[] { "Gap (points)", "CI from", "to", "p (Welch)", "p (z)", "q (BH)", "Significant" })
        {
            var th = (await page.Locator("#equity-table th", new PageLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(heading)}$") }).BoundingBoxAsync())!;
            Assert.True(th.X >= card.X && th.X + th.Width <= card.X + card.Width + 0.5, $"The column \"{heading}\" is out of view ({th.X}-{th.X + th.Width} px in a card of {card.X}-{card.X + card.Width} px).");
        }

        var groups = page.Locator("#equity-table td[data-key=group]");
        Assert.Equal(["group A", "group B", "group C", "group D", "group E"], (await groups.AllTextContentsAsync()).Order());
        Assert.All(await page.Locator("#equity-table td[data-key=comparison]").AllTextContentsAsync(), c => Assert.Equal("rest", c));
        // Five points with their intervals: significant ones filled, the others open.
        Assert.Equal(5, await page.Locator("#equity-chart g.trace.scatter path.point").CountAsync());
        var marks = await page.Locator("#equity-table td[data-key=mark]").AllTextContentsAsync();
        var filled = await page.EvaluateAsync<int>("() => document.getElementById('equity-chart').data[0].x.length");
        Assert.Equal(marks.Count(m => m == "yes *"), filled);

        await page.Locator("#equity-table th", new PageLocatorOptions { HasTextString = "n against" }).ClickAsync();
        Assert.Equal(["681", "738", "810", "860", "911"], await page.Locator("#equity-table td[data-key=comparisonStudents]").AllTextContentsAsync());
        await page.Locator("#equity-table th", new PageLocatorOptions { HasTextString = "n against" }).ClickAsync();
        Assert.Equal(["group A", "group E", "group B", "group D", "group C"], await groups.AllTextContentsAsync());
        Assert.Equal("descending", await page.Locator("#equity-table th", new PageLocatorOptions { HasTextString = "n against" }).GetAttributeAsync("aria-sort"));
        await PageEvidence.ScreenshotAsync(page, "equity", output);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task Overlap_page_lists_the_priority_cohorts_of_the_api_and_loosened_thresholds_list_more()
    {
        await using var server = await LiveServer.StartAsync();
        await DemoBuilder.BuildAsync(server.Store, new DemoOptions(NationalStudents: 20_000));
        using var http = new HttpClient { BaseAddress = server.Address };
        var strict = await http.GetFromJsonAsync<JsonElement>("/api/gaps/priorities?within=region,grade");
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);

        await page.GotoAsync(server.Url("/overlap"));
        await page.Locator("#overlap-title", new PageLocatorOptions { HasTextString = "priority cohort" }).WaitForAsync();
        var count = strict.GetProperty("cohorts").GetArrayLength();
        Assert.Equal(count, await page.Locator("#overlap-table tbody tr").CountAsync());
        Assert.Equal(strict.GetProperty("cohorts")[0].GetProperty("reason").GetString(), await page.Locator("#overlap-table td[data-key=reason]").First.TextContentAsync());

        await page.Locator("#overlap-excess").FillAsync("5");
        await page.Locator("#overlap-points").FillAsync("2");
        await page.Locator("#overlap-form button").ClickAsync();
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('#overlap-table tbody tr').length > {count}");
        Assert.Contains("below proficiency", await page.Locator("#overlap-table td[data-key=reason]").First.TextContentAsync(), StringComparison.Ordinal);
        await PageEvidence.ScreenshotAsync(page, "overlap", output);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task Overview_shows_the_share_below_proficiency_and_the_widest_significant_gap_of_the_reference()
    {
        await using var server = await LiveServer.StartAsync();
        var mapping = ImportMapping.FromJson(await File.ReadAllTextAsync(SampleMapping("StudentsPerformance.csv")));
        var report = await server.Store.ImportAsync(new ImportRequest([SharedFile("students-performance/StudentsPerformance.csv")], mapping));
        Assert.True(report.Succeeded, report.Message);
        // scipy's figures: % below 50 per subject from the gender rows, and the largest |Hedges' g| of the nine two-group tests.
        using var reference = GradeLens.Testing.SharedFiles.Reference();
        var gaps = reference.RootElement.GetProperty("exams").GetProperty("gaps").EnumerateArray().ToList();
        var below = gaps.Where(g => g.GetProperty("attribute").GetString() == "gender").Select(g =>
        {
            var (welch, share) = (g.GetProperty("welch"), g.GetProperty("below_50"));
            return (welch.GetProperty("n_a").GetDouble() * share.GetProperty("pct_below_a").GetDouble()
                    + welch.GetProperty("n_b").GetDouble() * share.GetProperty("pct_below_b").GetDouble()) / 1000;
        }).ToList();
        var widest = gaps.MaxBy(g => Math.Abs(g.GetProperty("welch").GetProperty("hedges_g").GetDouble())).GetProperty("welch");
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);

        await page.GotoAsync(server.Url("/"));
        await page.Locator("#attainment[aria-busy=false]").WaitForAsync();
        await page.Locator("#below-chart .main-svg").First.WaitForAsync();

        var values = await page.Locator("#attainment-cards .card .value").AllTextContentsAsync();
        Assert.Equal($"{below.Average():0.0}%", values[0]);
        Assert.Equal($"{below.Max():0.0}%", values[1]);
        Assert.Equal($"{Math.Abs(widest.GetProperty("diff").GetDouble()):0.0} pts", values[2].TrimStart('+', '-'));
        var detail = await page.Locator("#attainment-cards .card").Nth(2).Locator(".label").Last.TextContentAsync();
        Assert.Contains("math", detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("lunch", detail, StringComparison.Ordinal);
        Assert.Contains($"{Math.Abs(widest.GetProperty("hedges_g").GetDouble()):0.00}", detail, StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("#below-table tbody tr").CountAsync());
        Assert.Equal("lunch", await page.Locator("#widest-gaps td[data-key=attribute]").First.TextContentAsync());
        var csv = Uri.UnescapeDataString((await page.Locator("#widest-gaps a.export").GetAttributeAsync("href"))!);
        Assert.Contains("Subject,Attribute,Group,Against,Gap (points)", csv, StringComparison.Ordinal);
        await PageEvidence.ScreenshotAsync(page, "overview-attainment", output);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static string SharedFile(string relative) => GradeLens.Testing.SharedFiles.Path(relative);

    private static string SampleMapping(string file) => GradeLens.Testing.SharedFiles.Mapping(file);
}
