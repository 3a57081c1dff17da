using System.Text;
using GradeLens.Core.Quality;
using GradeLens.Core.Storage;
using GradeLens.Web.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GradeLens.Browser.Tests;

public sealed class DashboardTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    [BrowserFact]
    public async Task Overview_shows_the_counts_and_draws_rows_per_table_with_the_numbers_beside_it()
    {
        await using var server = await LiveServer.StartAsync();
        await server.Store.WriteQualityAsync(TwoProgrammes, "uni");
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);

        await page.GotoAsync(server.Url("/"));
        await page.Locator("#rows-chart .main-svg").First.WaitForAsync();

        var cards = page.Locator("#cards .card");
        Assert.Equal(6, await cards.CountAsync());
        Assert.Equal(["Students", "Schools", "Regions", "Subjects", "Series", "Results"], await cards.Locator(".label").AllTextContentsAsync());
        Assert.All(await cards.Locator(".value").AllTextContentsAsync(), value => Assert.Equal("0", value));
        Assert.Contains("2", await page.Locator("#rows-chart text.bartext").AllTextContentsAsync());
        var programmes = page.Locator("#rows-table tr", new PageLocatorOptions { Has = page.Locator("td[data-key=table]", new PageLocatorOptions { HasTextString = "he_programmes" }) });
        Assert.Equal("2", await programmes.Locator("td[data-key=rows]").TextContentAsync());
        var csv = await page.Locator("#rows-table a.export").GetAttributeAsync("href");
        Assert.StartsWith("data:text/csv", csv);
        Assert.Contains("he_programmes,2\r\n", Uri.UnescapeDataString(csv!));
        await PageEvidence.ScreenshotAsync(page, "overview", output);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task A_spinner_shows_while_an_answer_is_on_its_way_and_goes_when_it_arrives()
    {
        await using var server = await LiveServer.StartAsync();
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/api/overview", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });

        await page.GotoAsync(server.Url("/"));
        var activity = page.Locator("#activity[role=status]");
        await activity.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Equal("Loading ...", await activity.TextContentAsync());
        release.SetResult();

        await activity.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
        await page.Locator("#cards[aria-busy=false]").WaitForAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    // Needs the import pipeline (IGradeStore.ImportAsync).
    [BrowserFact]
    public async Task Data_page_uploads_a_csv_and_shows_the_report_with_its_row_count()
    {
        await using var server = await LiveServer.StartAsync();
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);

        await page.GotoAsync(server.Url("/data"));
        await page.Locator("#files").SetInputFilesAsync(new FilePayload
        {
            Name = "results.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("student_id,gender,math score\nA1,F,55\nA2,M,61\nA3,F,70\n"),
        });
        await page.Locator("#import-button").ClickAsync();
        await page.Locator("#report").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await PageEvidence.ScreenshotAsync(page, "data-report", output);

        var message = page.Locator("#report .message");
        Assert.True(await message.First.GetAttributeAsync("class") == "message ok", $"The page says: {await message.First.TextContentAsync()}");
        Assert.Equal("results.csv", await page.Locator("#report table.report-tables td[data-key=file]").TextContentAsync());
        Assert.Equal("3", await page.Locator("#report table.report-tables td[data-key=rows]").TextContentAsync());
        Assert.True(await page.Locator("#report table.report-columns tbody tr").CountAsync() >= 3);
        Assert.True(await page.Locator("#status").IsHiddenAsync());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task Data_page_shows_every_part_of_a_report_in_arabic_and_french()
    {
        var imports = new ReportedImports(ReportedImports.ArabicDryRun);
        await using var server = await LiveServer.StartAsync(builder => builder.Services.AddSingleton(imports.Runner));
        var page = await chromium.NewPageAsync();

        await page.GotoAsync(server.Url("/data"));
        await page.Locator("#files").SetInputFilesAsync(new FilePayload { Name = "نتائج.csv", MimeType = "text/csv", Buffer = "رقم الطالب;رياضيات\n1;55\n"u8.ToArray() });
        await page.Locator("#dry-run").CheckAsync();
        await page.Locator("#import-button").ClickAsync();
        await page.Locator("#report").WaitForAsync();
        await PageEvidence.ScreenshotAsync(page, "data-report-arabic", output);

        Assert.True(imports.LastRequest!.DryRun);
        Assert.Equal(["نتائج.csv"], imports.LastRequest.DisplayNames);
        Assert.Equal("message failed", await page.Locator("#report .message").GetAttributeAsync("class"));
        Assert.Contains("نتائج.csv", await page.Locator("#report .message").TextContentAsync());
        Assert.Equal("semicolon", await page.Locator("table.report-tables td[data-key=delimiter]").TextContentAsync());
        Assert.Equal("Mathematics, Français", await page.Locator("table.report-tables td[data-key=subjects]").TextContentAsync());
        Assert.Equal(["رقم الطالب", "رياضيات", "Mathématiques", "remarque"], await page.Locator("table.report-columns td[data-key=header]").AllTextContentsAsync());
        Assert.Equal("auto", await page.Locator("table.report-columns td[data-key=header]").First.GetAttributeAsync("dir"));
        Assert.Equal(["StudentId", "Score", "Score", "Ignore"], await page.Locator("table.report-columns td[data-key=role]").AllTextContentsAsync());
        Assert.Equal(["3", "5"], await page.Locator("table.report-rejected td[data-key=line]").AllTextContentsAsync());
        Assert.Contains("above the scale's maximum", await page.Locator("table.report-rejected").TextContentAsync());
        Assert.Contains("Scores read as percent (0-100).", await page.Locator("#report ul.notes").TextContentAsync());
        Assert.Contains("remarque", await page.Locator("#report dl.facts dd").First.TextContentAsync());
    }

    [BrowserFact]
    public async Task Every_page_shows_the_navigation_with_its_own_entry_current()
    {
        await using var server = await LiveServer.StartAsync();
        var page = await chromium.NewPageAsync();

        foreach (var dashboardPage in DashboardPage.All)
        {
            await page.GotoAsync(server.Url(dashboardPage.Path));

            Assert.Equal(DashboardPage.All.Count, await page.Locator("nav.nav li a").CountAsync());
            Assert.Equal(dashboardPage.Title, await page.Locator("nav.nav a[aria-current=page] span").First.TextContentAsync());
            Assert.Equal(dashboardPage.Title, await page.Locator("main h1").TextContentAsync());
            await PageEvidence.ScreenshotAsync(page, "page-" + dashboardPage.Title.ToLowerInvariant(), output);
        }
    }

    [BrowserFact]
    public async Task Tracking_page_draws_a_box_per_series_for_the_chosen_subject_with_its_table()
    {
        await using var server = await LiveServer.StartAsync();
        var file = Path.Combine(Path.GetTempPath(), $"tracking-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file,
            "student_id,gender,subject,series,grade\n" +
            "A1,F,Maths,Baseline,6\nA1,F,Maths,Mock 1,5\nA1,F,Maths,Final,7\nA1,F,Art,Final,4\n" +
            "A2,M,Maths,Baseline,5.5\nA2,M,Maths,Mock 1,4\nA2,M,Maths,Final,U\n");
        var mapping = new GradeLens.Core.Import.Mapping.ImportMapping
        {
            BaselineSeries = ["Baseline"],
            Columns =
            [
                new() { Header = "student_id", Role = GradeLens.Core.Import.Mapping.ColumnRole.StudentId },
                new() { Header = "gender", Role = GradeLens.Core.Import.Mapping.ColumnRole.Gender },
                new() { Header = "subject", Role = GradeLens.Core.Import.Mapping.ColumnRole.Subject },
                new() { Header = "series", Role = GradeLens.Core.Import.Mapping.ColumnRole.Series },
                new() { Header = "grade", Role = GradeLens.Core.Import.Mapping.ColumnRole.Score, Scale = "gcse-9-1" },
            ],
        };
        var report = await server.Store.ImportAsync(new GradeLens.Core.Import.ImportRequest([file], mapping));
        File.Delete(file);
        Assert.True(report.Succeeded, report.Message);
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);

        await page.GotoAsync(server.Url("/tracking"));
        await page.Locator("#subject").SelectOptionAsync("Maths");
        await page.Locator("#series-table table.series-boxes").WaitForAsync();
        await page.Locator("#series-chart g.trace.boxes path.box").First.WaitForAsync();

        Assert.Equal("Maths: 2 students", await page.Locator("#tracking-title").TextContentAsync());
        Assert.Equal(3, await page.Locator("#series-chart g.trace.boxes path.box").CountAsync());
        Assert.Equal(["Baseline", "Mock 1", "Final"], await page.Locator("#series-chart .xtick text").AllTextContentsAsync());
        Assert.Contains("U", await page.Locator("#series-chart .ytick text").AllTextContentsAsync());
        Assert.Equal(["Baseline (baseline)", "Mock 1", "Final"], await page.Locator("#series-table td[data-key=series]").AllTextContentsAsync());
        Assert.Contains("type 7", await page.Locator("#quartile-method").TextContentAsync(), StringComparison.Ordinal);
        Assert.StartsWith("data:text/csv", await page.Locator("#series-table a.export").GetAttributeAsync("href"));
        // Against the baseline: Final A1 7 vs 6 above, A2 U vs 5.5 below; A2 is furthest below.
        Assert.Equal(["50", "50"], await page.Locator("#shares-table tr", new PageLocatorOptions { Has = page.Locator("td[data-key=series]", new PageLocatorOptions { HasTextString = "Final" }) })
            .Locator("td[data-key=percentAbove], td[data-key=percentBelow]").AllTextContentsAsync());
        Assert.Equal(["A2"], await page.Locator("#below-table td[data-key=studentId]").AllTextContentsAsync());
        Assert.Equal(3, await page.Locator("#shares-chart g.trace.bars").CountAsync());

        // One jittered point per student and series, the baseline included: A1 has 3, A2 has 3 in Maths.
        Assert.Equal(6, await page.Locator("#series-chart g.trace.scatter path.point").CountAsync());

        // Hover A2's first point: the path chart shows A2 in red (final U is below the 5.5 baseline) with a dashed baseline.
        var index = await page.EvaluateAsync<int>("() => document.getElementById('series-chart').data[1].text.indexOf('A2')");
        var box = await page.Locator("#series-chart g.trace.scatter path.point").Nth(index).BoundingBoxAsync();
        await page.Mouse.MoveAsync(box!.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Locator("#path-title", new PageLocatorOptions { HasTextString = "A2: Maths" }).WaitForAsync();
        Assert.Equal("Below", await page.Locator("#path-chart").GetAttributeAsync("data-status"));
        var line = await page.Locator("#path-chart .scatterlayer .trace").First.Locator("path.js-line").GetAttributeAsync("style");
        Assert.Contains("rgb(198, 40, 40)", line, StringComparison.Ordinal);
        Assert.Contains("dash", await page.Locator("#path-chart .shapelayer path").First.GetAttributeAsync("style") ?? "", StringComparison.Ordinal);
        Assert.Equal(["Baseline", "Mock 1", "Final"], await page.Locator("#path-table td[data-key=series]").AllTextContentsAsync());
        Assert.Contains("below their baseline", await page.Locator("#path-status").TextContentAsync(), StringComparison.Ordinal);

        // Click A1's point: every subject A1 takes, Maths (7 against 6) and Art (no baseline) last.
        var a1 = await page.EvaluateAsync<int>("() => document.getElementById('series-chart').data[1].text.indexOf('A1')");
        var a1Box = await page.Locator("#series-chart g.trace.scatter path.point").Nth(a1).BoundingBoxAsync();
        await page.Mouse.ClickAsync(a1Box!.X + a1Box.Width / 2, a1Box.Y + a1Box.Height / 2);
        await page.Locator("#subjects-title", new PageLocatorOptions { HasTextString = "A1: all subjects" }).WaitForAsync();
        Assert.Equal(["Maths", "Art"], await page.Locator("#subjects-table td[data-key=subject]").AllTextContentsAsync());
        Assert.Equal(["1", ""], await page.Locator("#subjects-table td[data-key=difference]").AllTextContentsAsync());
        Assert.Equal(2, await page.Locator("#subjects-chart g.trace.bars path").CountAsync());

        // The mock's back-test: A1 5 against 7, A2 4 against U; mean error 3, nobody within one grade.
        Assert.Equal(["Mock 1"], await page.Locator("#backtest-table td[data-key=series]").AllTextContentsAsync());
        Assert.Equal(["3"], await page.Locator("#backtest-table td[data-key=meanAbsoluteError]").AllTextContentsAsync());
        Assert.Equal(["0"], await page.Locator("#backtest-table td[data-key=percentWithinOneGrade]").AllTextContentsAsync());
        Assert.StartsWith("0% within one grade", await page.Locator("#backtest-chart text.bartext").TextContentAsync(), StringComparison.Ordinal);
        await PageEvidence.ScreenshotAsync(page, "tracking", output);

        // Narrow to the girls: one student, one box per series, and the back-test follows.
        await page.Locator("#group-attribute").SelectOptionAsync("gender");
        await page.Locator("#group-value").SelectOptionAsync("F");
        await page.Locator("#tracking-title", new PageLocatorOptions { HasTextString = "Maths: 1 student (gender F)" }).WaitForAsync();
        await page.Locator("#backtest-table td[data-key=meanAbsoluteError]", new PageLocatorOptions { HasTextString = "2" }).WaitForAsync();
        Assert.Equal(3, await page.Locator("#series-chart g.trace.scatter path.point").CountAsync());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task Tracking_page_shows_the_uci_grades_on_their_0_to_20_scale_with_grey_paths_for_students_without_a_baseline()
    {
        await using var server = await LiveServer.StartAsync();
        var report = await server.Store.ImportAsync(SharedSamples.Request("uci-student/student-mat.csv"));
        Assert.True(report.Succeeded, report.Message);
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);

        await page.GotoAsync(server.Url("/tracking"));
        await page.Locator("#series-table table.series-boxes").WaitForAsync();
        await page.Locator("#backtest-table table.mock-back-test").WaitForAsync();

        Assert.Equal("Mathematics: 395 students", await page.Locator("#tracking-title").TextContentAsync());
        Assert.Equal(["G1", "G2", "G3"], await page.Locator("#series-chart .xtick text").AllTextContentsAsync());
        Assert.Equal(["0", "2", "4", "6", "8", "10", "12", "14", "16", "18", "20"], await page.Locator("#series-chart .ytick text").AllTextContentsAsync());
        Assert.Equal(["G1", "G2"], await page.Locator("#backtest-table td[data-key=series]").AllTextContentsAsync());
        Assert.Equal(["G3", "G3"], await page.Locator("#backtest-table td[data-key=finalSeries]").AllTextContentsAsync());
        // No baseline in this file: the shares say so instead of drawing empty bars.
        Assert.Empty(await page.Locator("#shares-table td[data-key=series]").AllTextContentsAsync());

        var box = await page.Locator("#series-chart g.trace.scatter path.point").Nth(200).BoundingBoxAsync();
        await page.Mouse.MoveAsync(box!.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Locator("#path-chart .scatterlayer .trace").First.WaitForAsync();
        Assert.Equal("NoBaseline", await page.Locator("#path-chart").GetAttributeAsync("data-status"));
        var line = await page.Locator("#path-chart .scatterlayer .trace").First.Locator("path.js-line").GetAttributeAsync("style");
        Assert.Contains("rgb(138, 143, 152)", line, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#path-chart .shapelayer path").CountAsync());
        Assert.Contains("no baseline", await page.Locator("#path-status").TextContentAsync(), StringComparison.Ordinal);
        await PageEvidence.ScreenshotAsync(page, "tracking-uci", output);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static QualityData TwoProgrammes { get; } = new(
        [new Programme("P1", "Physics", "Science"), new Programme("P2", "الأدب العربي", "Lettres")],
        [new CourseModule("M1", "P1", "Mechanics", "2024-Fall")],
        [], [], [], [], []);
}
