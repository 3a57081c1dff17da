using System.Globalization;
using GradeLens.Core.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GradeLens.Browser.Tests;

/// <summary>Tracking's signature interaction over the demo's 200 students: everything a hover shows is beside the box plot, in view.</summary>
public sealed class TrackingPanelTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    // Where a data point of the series chart is on the screen: [x, y] for series position and grade.
    private const string ScreenPoint = """
        ([x, y]) => { const gd = document.getElementById('series-chart'), box = gd.getBoundingClientRect();
                      const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
                      return [box.left + xa._offset + xa.l2p(x), box.top + ya._offset + ya.l2p(y)]; }
        """;

    [BrowserFact]
    public async Task Hovering_a_students_point_draws_their_path_and_subjects_beside_the_box_plot_in_view_with_a_legend_and_a_boxs_quartiles()
    {
        await using var server = await LiveServer.StartAsync();
        await DemoBuilder.BuildAsync(server.Store, new DemoOptions(NationalStudents: 500));
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);

        await page.GotoAsync(server.Url("/tracking"));
        await page.Locator("#series-table table.series-boxes").WaitForAsync();
        await PageSettled.WaitAsync(page);

        // The colours are explained above the chart, in the points' own colours.
        Assert.Equal(["Above their baseline", "At their baseline", "Below their baseline", "No baseline"],
            await page.Locator("#status-legend li").AllTextContentsAsync());
        var swatches = await page.Locator("#status-legend .swatch").EvaluateAllAsync<string[]>("spans => spans.map(s => getComputedStyle(s).backgroundColor)");
        var pointColours = await page.EvaluateAsync<string[]>("() => [...new Set(document.getElementById('series-chart').data[1].marker.color)]");
        Assert.All(pointColours, colour => Assert.Contains(Rgb(colour), swatches));

        // Hover a student: their path, then (resting on the point) every subject they take, beside the box plot and in view.
        var point = page.Locator("#series-chart g.trace.scatter path.point").Nth(40);
        var box = await point.BoundingBoxAsync();
        await page.Mouse.MoveAsync(box!.X + box.Width / 2, box.Y + box.Height / 2);
        // Points of the same grade can sit on one another: the path is of the student Plotly hovers, one of the roster.
        await page.WaitForFunctionAsync("() => !document.getElementById('path-title').textContent.startsWith('Hover')");
        var student = (await page.Locator("#path-title").TextContentAsync())!.Split(':')[0];
        Assert.Contains(student, await page.EvaluateAsync<string[]>("() => document.getElementById('series-chart').data[1].text"));
        await page.Locator("#subjects-title", new PageLocatorOptions { HasTextString = $"{student}: all subjects" }).WaitForAsync();
        await page.Locator("#subjects-chart g.trace.bars").WaitForAsync();
        await PageEvidence.ScreenshotAsync(page, "tracking-hover-in-view", output);

        var chart = (await page.Locator("#series-chart").BoundingBoxAsync())!;
        var path = (await page.Locator("#path-chart").BoundingBoxAsync())!;
        var subjects = (await page.Locator("#subjects-chart").BoundingBoxAsync())!;
        var viewport = page.ViewportSize!;
        Assert.True(path.Y >= 0 && path.Y + path.Height <= viewport.Height, $"the path is at {path.Y}-{path.Y + path.Height} px; the window is {viewport.Height} px high");
        Assert.True(path.X >= chart.X + chart.Width - 1, "the path is not beside the box plot");
        Assert.True(path.Y < chart.Y + chart.Height, "the path starts below the box plot");
        Assert.True(subjects.Y < viewport.Height, $"the subjects chart starts at {subjects.Y} px, out of view");
        Assert.Equal(1, await page.Locator("#path-chart .scatterlayer .trace path.js-line").CountAsync());

        // Hover a box, left of its students' strip: its quartiles at the pointer, the same as in the table.
        var boxes = await page.Locator("#series-table td[data-key=series]").AllTextContentsAsync();
        var last = boxes.Count - 1;
        var median = double.Parse((await page.Locator("#series-table td[data-key=median]").Nth(last).TextContentAsync())!, CultureInfo.InvariantCulture);
        var q3 = double.Parse((await page.Locator("#series-table td[data-key=q3]").Nth(last).TextContentAsync())!, CultureInfo.InvariantCulture);
        var inBox = await page.EvaluateAsync<double[]>(ScreenPoint, new object[] { last - 0.22, (median + q3) / 2 });
        await page.Mouse.MoveAsync((float)inBox[0], (float)inBox[1]);
        var tip = page.Locator("#box-tip");
        await tip.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Equal(boxes[last], await tip.Locator("strong").TextContentAsync());
        Assert.Equal(["Max", "Q3", "Median", "Q1", "Min", "Mean", "n"], await tip.Locator("dt").AllTextContentsAsync());
        var values = await tip.Locator("dd").AllTextContentsAsync();
        foreach (var (key, index) in new[] { ("maximum", 0), ("q3", 1), ("median", 2), ("q1", 3), ("minimum", 4), ("n", 6) })
        {
            Assert.Equal(await page.Locator($"#series-table td[data-key={key}]").Nth(last).TextContentAsync(), values[index]);
        }

        var tipBox = (await tip.BoundingBoxAsync())!;
        Assert.True(tipBox.Y >= 0 && tipBox.Y + tipBox.Height <= viewport.Height && tipBox.X + tipBox.Width <= viewport.Width, "the quartiles are out of view");
        await PageEvidence.ScreenshotAsync(page, "tracking-box-quartiles", output);

        await page.Mouse.MoveAsync(5, 5);
        await tip.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static string Rgb(string hex) =>
        $"rgb({Convert.ToInt32(hex[1..3], 16)}, {Convert.ToInt32(hex[3..5], 16)}, {Convert.ToInt32(hex[5..7], 16)})";
}
