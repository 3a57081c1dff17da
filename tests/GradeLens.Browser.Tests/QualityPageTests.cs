using System.Text;
using GradeLens.Core.Benchmarks;
using GradeLens.Core.Demo;
using GradeLens.Core.Quality.Import;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GradeLens.Browser.Tests;

/// <summary>The Quality page over the demo-sized university: the at-risk marks on the scatter, their hover, the CSV against the table, a programme's modules.</summary>
public sealed class QualityPageTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    [BrowserFact]
    public async Task The_scatter_marks_every_at_risk_module_its_hover_says_the_evidence_and_its_csv_holds_what_the_table_shows()
    {
        await using var server = await LiveServer.StartAsync();
        await ImportUniversityAsync(server);
        var page = await chromium.NewPageAsync(1440, 1000);
        var errors = PageEvidence.CollectErrors(page);

        await page.GotoAsync(server.Url("/quality"));
        await page.Locator("#quality-scatter .scatterlayer .trace").First.WaitForAsync();
        await PageSettled.WaitAsync(page);

        var rows = await TableAsync(page.Locator("#quality-scatter-table table"));
        var atRisk = rows.Where(r => r["At risk"] == "yes").ToList();
        Assert.NotEmpty(atRisk);
        Assert.Contains(atRisk, r => r["Evidence"] == "clearly below");
        var traces = page.Locator("#quality-scatter .scatterlayer .trace");
        Assert.Equal(3, await traces.CountAsync());
        var clearly = await traces.Nth(1).Locator("path.point").CountAsync();
        var possibly = await traces.Nth(2).Locator("path.point").CountAsync();
        Assert.Equal(atRisk.Count(r => r["Evidence"] == "clearly below"), clearly);
        Assert.Equal(atRisk.Count(r => r["Evidence"] == "possibly below"), possibly);
        // Every module with a rate and a survey score is a point; the "low" ones are not drawn.
        var drawable = rows.Count(r => r["Pass rate %"] != "low" && r["Survey mean"] != "low");
        Assert.True(drawable < rows.Count, "the demo has modules under the minimum");
        Assert.Equal(drawable, await page.Locator("#quality-scatter .scatterlayer path.point").CountAsync());
        Assert.Equal(atRisk.Select(r => r["Module"]).Order(), (await TableAsync(page.Locator("#quality-at-risk table"))).Select(r => r["Module"]).Order());

        // The pointer moves in the viewport: the chart is brought into view first (the page above it may be taller).
        await page.Locator("#quality-scatter").ScrollIntoViewIfNeededAsync();
        var box = await traces.Nth(1).Locator("path.point").First.BoundingBoxAsync();
        await page.Mouse.MoveAsync(box!.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Locator("#quality-scatter .hoverlayer .hovertext").First.WaitForAsync();
        var hover = await page.Locator("#quality-scatter .hoverlayer .hovertext").AllTextContentsAsync();
        var text = string.Join(" ", hover);
        var module = atRisk.Single(r => text.Contains(r["Module"], StringComparison.Ordinal));
        Assert.Equal("clearly below", module["Evidence"]);
        Assert.Contains($"{module["Students"]} students", text, StringComparison.Ordinal);
        Assert.Contains($"95% CI {module["95% CI from"]} to {module["to"]}", text, StringComparison.Ordinal);
        Assert.Contains("evidence: clearly below", text, StringComparison.Ordinal);

        var href = await page.Locator("#quality-scatter-table a.export").GetAttributeAsync("href");
        var csv = Csv(Uri.UnescapeDataString(href!["data:text/csv;charset=utf-8,".Length..]).TrimStart('\uFEFF'));
        Assert.Equal(rows[0].Keys, csv[0]);
        Assert.Equal(rows.Count, csv.Count - 1);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Values.Select(Plain), csv[i + 1].Select(Plain));
        }

        await PageEvidence.ScreenshotAsync(page, "quality", output);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task Clicking_a_programme_on_the_trend_shows_its_modules_and_the_turnaround_draws_the_policy_line()
    {
        await using var server = await LiveServer.StartAsync();
        await ImportUniversityAsync(server);
        var page = await chromium.NewPageAsync(1440, 1000);
        var errors = PageEvidence.CollectErrors(page);

        await page.GotoAsync(server.Url("/quality"));
        await page.Locator("#quality-trend .scatterlayer .trace").First.WaitForAsync();
        await PageSettled.WaitAsync(page);
        var (x, y) = await ClearPointAsync(page.Locator("#quality-trend .scatterlayer .trace"));
        await page.Mouse.ClickAsync(x, y);
        await page.Locator("#quality-modules-panel:not([hidden]) #quality-modules .scatterlayer").WaitForAsync();

        var title = await page.Locator("#quality-modules-title").TextContentAsync();
        var first = (await page.Locator("#quality-trend-table td[data-key=programme]").First.TextContentAsync())!;
        Assert.StartsWith(first + ":", title, StringComparison.Ordinal);
        Assert.Equal(24, await page.Locator("#quality-modules-table tbody tr").CountAsync());
        Assert.Contains("policy: 20 working days", await page.Locator("#quality-turnaround .annotation-text").AllTextContentsAsync());
        Assert.Equal(1, await page.Locator("#quality-turnaround .shapelayer path").CountAsync());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task A_store_without_quality_data_says_so_in_a_note_with_a_link_to_the_data_page_and_no_error()
    {
        await using var server = await LiveServer.StartAsync();
        var page = await chromium.NewPageAsync();

        await page.GotoAsync(server.Url("/quality"));
        await page.Locator("#quality-empty:not([hidden])").WaitForAsync();

        Assert.Equal("note", await page.Locator("#quality-empty").GetAttributeAsync("class"));
        Assert.Equal("/data", await page.Locator("#quality-empty a").GetAttributeAsync("href"));
        Assert.Equal(0, await page.Locator(".error:visible").CountAsync());
        Assert.Equal(0, await page.Locator(".quality-part:visible").CountAsync());
    }

    /// <summary>The centre of the first trace's point furthest from every other trace's points (lines of programmes cross), to click on it alone.</summary>
    private static async Task<(float X, float Y)> ClearPointAsync(ILocator traces)
    {
        var centres = new List<(int Trace, float X, float Y)>();
        for (var t = 0; t < await traces.CountAsync(); t++)
        {
            foreach (var point in await traces.Nth(t).Locator("path.point").AllAsync())
            {
                var box = (await point.BoundingBoxAsync())!;
                centres.Add((t, box.X + box.Width / 2, box.Y + box.Height / 2));
            }
        }

        var first = centres.Where(c => c.Trace == 0).MaxBy(c => centres.Where(o => o.Trace != 0).Select(o => Math.Abs(o.X - c.X) + Math.Abs(o.Y - c.Y)).DefaultIfEmpty(1e6f).Min());
        return (first.X, first.Y);
    }

    private static async Task ImportUniversityAsync(LiveServer server)
    {
        var folder = Directory.CreateTempSubdirectory("gradelens-quality-page-");
        try
        {
            QualityCsvWriter.Write(folder.FullName, UniversityShape.Demo, seed: 3);
            var report = await server.Store.ImportQualityAsync([folder.FullName], "uni");
            Assert.True(report.Succeeded, report.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A table's rows as header -> cell text, in column order.</summary>
    private static async Task<List<Dictionary<string, string>>> TableAsync(ILocator table)
    {
        var headers = await table.Locator("thead th").AllTextContentsAsync();
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in await table.Locator("tbody tr").AllAsync())
        {
            var cells = await row.Locator("td").AllTextContentsAsync();
            var values = new Dictionary<string, string>();
            for (var i = 0; i < headers.Count; i++)
            {
                values[headers[i]] = cells[i];
            }

            rows.Add(values);
        }

        return rows;
    }

    /// <summary>The page's numbers carry thousands separators; the CSV's do not.</summary>
    private static string Plain(string value) => value.Replace(",", "", StringComparison.Ordinal);

    /// <summary>RFC 4180 rows (quoted fields may hold commas and doubled quotes).</summary>
    private static List<List<string>> Csv(string text) =>
        [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(GradeLens.Testing.CsvLine.Fields)];
}
