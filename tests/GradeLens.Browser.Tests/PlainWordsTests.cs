using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GradeLens.Browser.Tests;

/// <summary>Plain words: the Glossary page, a term's explanation where it appears, errors that say what to do, "not recorded".</summary>
public sealed class PlainWordsTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    // Every term the dashboard's pages (built and coming) use, as the Glossary names them.
    private static readonly string[] Terms =
    [
        "Hedges' g", "q-value", "p-value", "95% confidence interval", "Welch's t-test", "Two-proportion z-test", "Benjamini-Hochberg",
        "Suppression", "AUC", "DeLong", "Brier score", "Log-loss", "Calibration", "Platt", "Isotonic", "Silhouette", "k-means", "R²",
        "RMSE", "MAE", "Cross-validation", "Odds ratio", "Quartiles (type 7)", "Baseline", "Proficiency", "eta² and omega²", "ANOVA",
        "Welch ANOVA", "Kruskal-Wallis", "Prediction interval", "Leverage", "Extrapolation", "Wilson interval", "Working days",
    ];

    [BrowserFact]
    public async Task The_glossary_explains_every_statistical_term_in_a_line_and_a_term_on_a_page_explains_itself_on_hover()
    {
        await using var server = await ImportedExamsAsync();
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);

        await page.GotoAsync(server.Url("/glossary"));
        var names = await page.Locator("#glossary-list dt").AllTextContentsAsync();
        var lines = await page.Locator("#glossary-list dd").AllTextContentsAsync();
        Assert.Equal(names.Count, lines.Count);
        Assert.All(Terms, term => Assert.Contains(names, name => name.Contains(term, StringComparison.Ordinal)));
        Assert.All(lines, line => Assert.InRange(line.Length, 20, 160));
        var q = await page.Locator("#glossary-list dt#q-value + dd").TextContentAsync();
        Assert.StartsWith("The p-value after allowing for the many gaps tested at once", q, StringComparison.Ordinal);
        await PageEvidence.ScreenshotAsync(page, "glossary", output);

        // On Equity the q-value's heading carries the same line on hover, and so does Welch's t-test in the note.
        await page.GotoAsync(server.Url("/equity"));
        await page.Locator("#equity-table th abbr[data-term=q-value]").WaitForAsync();
        Assert.Equal(q, await page.Locator("#equity-table th abbr[data-term=q-value]").GetAttributeAsync("title"));
        Assert.Equal("q (BH)", await page.Locator("#equity-table th", new PageLocatorOptions { Has = page.Locator("abbr[data-term=q-value]") }).TextContentAsync());
        await page.Locator("#equity-note abbr[data-term=welch-t-test]").WaitForAsync();
        Assert.Contains("without assuming", await page.Locator("#equity-note abbr[data-term=welch-t-test]").GetAttributeAsync("title"), StringComparison.Ordinal);
        // A data cell is never marked, even when it holds a term's word.
        Assert.Equal(0, await page.Locator("#equity-table td abbr").CountAsync());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task A_cell_the_data_does_not_record_reads_not_recorded()
    {
        // 60 students with a region and 40 without: Equity's cells by region include the 40 whose region is not recorded.
        await using var server = await LiveServer.StartAsync();
        var csv = new System.Text.StringBuilder("student_id,region,gender,maths\n");
        for (var i = 0; i < 100; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"S{i},{(i < 60 ? (i % 2 == 0 ? "North" : "South") : "")},{(i % 3 == 0 ? "F" : "M")},{40 + ((i * 37) % 55)}\n");
        }

        var file = Path.Combine(Path.GetTempPath(), $"gradelens-regions-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, csv.ToString());
        try
        {
            var report = await server.Store.ImportAsync(new ImportRequest([file]));
            Assert.True(report.Succeeded, report.Message);
        }
        finally
        {
            File.Delete(file);
        }

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(server.Url("/equity"));
        await page.Locator("#equity-table td[data-key=cell]").First.WaitForAsync();

        var cells = await page.Locator("#equity-table td[data-key=cell]").AllTextContentsAsync();
        Assert.Contains("not recorded", cells);
        Assert.DoesNotContain(cells, c => c.Contains("(unknown)", StringComparison.Ordinal));
        Assert.DoesNotContain("(unknown)", string.Join(" ", await page.Locator("#equity-chart .ytick text").AllTextContentsAsync()), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task An_error_says_what_to_do_in_a_sentence_never_an_address_or_a_status_code()
    {
        await using var server = await LiveServer.StartAsync();
        var page = await chromium.NewPageAsync();
        var answers = new Dictionary<string, int> { ["/"] = 500, ["/gaps"] = 401, ["/equity"] = 403 };
        await page.RouteAsync("**/api/**", async route =>
        {
            var from = new Uri(route.Request.Frame.Url).AbsolutePath;
            if (route.Request.Url.Contains("/api/me", StringComparison.Ordinal) || !answers.TryGetValue(from, out var status))
            {
                await route.ContinueAsync();
                return;
            }

            await route.FulfillAsync(new RouteFulfillOptions { Status = status, ContentType = "application/problem+json", Body = $$"""{"title":"An error occurred while processing your request.","status":{{status}}}""" });
        });

        var said = new List<string>();
        foreach (var (path, box) in new[] { ("/", "#overview-error"), ("/gaps", "#gaps-error"), ("/equity", "#equity-error") })
        {
            await page.GotoAsync(server.Url(path));
            await page.Locator(box).WaitForAsync();
            said.Add((await page.Locator(box).TextContentAsync())!);
        }

        Assert.Equal("The overview could not be loaded: Something went wrong on the server; try again, or tell your administrator.", said[0]);
        Assert.Equal("Your session has ended: sign in again.", said[1]);
        Assert.Equal("Your account may not see this: ask your administrator if you need it.", said[2]);
        Assert.All(said, sentence =>
        {
            Assert.DoesNotContain("/api/", sentence, StringComparison.Ordinal);
            Assert.DoesNotMatch("\\b(401|403|500)\\b", sentence);
            Assert.DoesNotContain("An error occurred", sentence, StringComparison.Ordinal);
        });
    }

    private static async Task<LiveServer> ImportedExamsAsync()
    {
        var server = await LiveServer.StartAsync();
        var report = await server.Store.ImportAsync(SharedSamples.Request("students-performance/StudentsPerformance.csv"));
        Assert.True(report.Succeeded, report.Message);
        return server;
    }
}
