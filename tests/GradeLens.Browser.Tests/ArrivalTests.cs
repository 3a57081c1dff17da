using GradeLens.Core.Demo;
using GradeLens.Web.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GradeLens.Browser.Tests;

/// <summary>
/// Arrives like a user: every page of the navigation opened on its defaults, over the demo and over stores that each
/// hold one shared dataset only. A page fails on an API answer of 500, a script error, a visible error box, or still
/// loading after 30 s; a page whose data is absent must say what it needs in a note, never in an error. Screenshots of
/// every page are kept (/tmp/gradelens-screenshots/arrival-STORE-PAGE.png).
/// </summary>
public sealed class ArrivalTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    public static TheoryData<string> Stores => ["demo", "exams", "uci", "tracking", "naep"];

    [BrowserTheory]
    [MemberData(nameof(Stores))]
    public async Task Every_page_opens_on_its_defaults_without_a_500_a_script_error_or_an_error_box(string store)
    {
        await using var server = await LiveServer.StartAsync();
        await FillAsync(server, store);
        var page = await chromium.NewPageAsync(1440, 1000);
        var problems = new List<string>();
        var here = "/";
        page.PageError += (_, error) => problems.Add($"{here}: script error {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("Failed to load resource", StringComparison.Ordinal))
            {
                problems.Add($"{here}: console error {message.Text}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                problems.Add($"{here}: {response.Status} from {new Uri(response.Url).PathAndQuery}");
            }
        };

        var times = new List<string>();
        foreach (var entry in DashboardPage.All)
        {
            here = entry.Path;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await page.GotoAsync(server.Url(entry.Path));
            try
            {
                await PageSettled.WaitAsync(page, TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                problems.Add($"{here}: still loading after 30 s");
            }

            times.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{entry.Title}\t{clock.Elapsed.TotalSeconds:0.00} s"));

            foreach (var shown in await page.Locator(".error:visible, [role=alert]:visible").AllTextContentsAsync())
            {
                if (!string.IsNullOrWhiteSpace(shown))
                {
                    problems.Add($"{here}: shows the error \"{shown.Trim()}\"");
                }
            }

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "gradelens-screenshots", $"arrival-{store}-{entry.Title.ToLowerInvariant()}.png"), FullPage = true });
        }

        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        // Each page's time from the address to settled (every answer in, nothing loading), kept beside the screenshots.
        await File.WriteAllLinesAsync(Path.Combine(Path.GetTempPath(), "gradelens-screenshots", $"arrival-{store}-times.tsv"), times);

        Assert.True(problems.Count == 0, $"{store}: {problems.Count} problem(s)\n" + string.Join("\n", problems));
    }

    private static async Task FillAsync(LiveServer server, string store)
    {
        if (store == "demo")
        {
            await DemoBuilder.BuildAsync(server.Store, new DemoOptions(NationalStudents: 3_000));
            return;
        }

        string[] files = store switch
        {
            "exams" => ["students-performance/StudentsPerformance.csv"],
            "uci" => ["uci-student/student-mat.csv"],
            "tracking" => ["yellis-tracking/merged_yellis_diff_with_exams.csv"],
            _ => ["naep/naep.csv", "naep/poverty_income.csv", "naep/unemployment_crime.csv", "naep/county_data.csv", "naep/zip_code.csv"],
        };
        foreach (var file in files)
        {
            var report = await server.Store.ImportAsync(SharedSamples.Request(file));
            Assert.True(report.Succeeded, $"{file}: {report.Message}");
        }
    }
}
