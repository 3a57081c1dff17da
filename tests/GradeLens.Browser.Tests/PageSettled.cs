using Microsoft.Playwright;

namespace GradeLens.Browser.Tests;

/// <summary>Waits as a user would for a page to finish: no answer on its way and no "training" or "fitting" status, twice in a row.</summary>
internal static class PageSettled
{
    private const string Settled = """
        () => { const busy = document.getElementById('activity');
                return busy !== null && busy.hidden && ![...document.querySelectorAll('.status')].some(s => !s.hidden); }
        """;

    public static async Task WaitAsync(IPage page, TimeSpan? timeout = null)
    {
        var options = new PageWaitForFunctionOptions { Timeout = (float)(timeout ?? TimeSpan.FromSeconds(60)).TotalMilliseconds, PollingInterval = 100 };
        await page.WaitForTimeoutAsync(300);
        await page.WaitForFunctionAsync(Settled, null, options);
        await page.WaitForTimeoutAsync(500);
        await page.WaitForFunctionAsync(Settled, null, options);
    }

    /// <summary>The pages whose body draws charts (Plotly among their scripts), with where to open them to see their charts.</summary>
    public static IEnumerable<(string Title, string Path)> ChartPages(string studentId) =>
        GradeLens.Web.Pages.DashboardPage.All
            .Where(p => p.Scripts?.Contains("lib/plotly.min.js") == true)
            .Select(p => (p.Title, p.Path == "/students" ? $"/students?id={studentId}" : p.Path));
}
