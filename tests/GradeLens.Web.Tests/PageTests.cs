using System.Net;
using GradeLens.Web.Pages;

namespace GradeLens.Web.Tests;

public sealed class PageTests
{
    public static TheoryData<string> Paths => [.. DashboardPage.All.Select(p => p.Path)];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_page_is_utf8_html_with_every_navigation_entry(string path)
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("<meta charset=\"utf-8\">", html);
        foreach (var page in DashboardPage.All)
        {
            Assert.Contains($"<a href=\"{page.Path}\"", html);
            Assert.Contains($">{page.Title}<", html);
        }
    }

    [Fact]
    public async Task Every_page_of_the_navigation_is_built_and_says_its_purpose_without_a_soon_mark()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();

        Assert.All(GradeLens.Web.Pages.DashboardPage.All, p => Assert.True(p.IsBuilt, p.Path));
        var areas = await client.GetStringAsync("/areas");

        Assert.DoesNotContain("not built yet", areas, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"soon\"", areas, StringComparison.Ordinal);
        Assert.Contains("How far poverty, income and unemployment explain an area", areas, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_page_loads_plotly_from_the_app_itself()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("<script src=\"/lib/plotly.min.js\"></script>", html);
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Plotly_is_served_from_the_assembly_as_javascript()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/lib/plotly.min.js");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.True(bytes.Length > 1024 * 1024, $"plotly.min.js is only {bytes.Length} bytes");
    }

    [Fact]
    public async Task The_glossary_page_is_in_the_navigation_and_loads_the_terms_it_lists()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/glossary");

        Assert.Contains("<a href=\"/glossary\" aria-current=\"page\"><span>Glossary</span>", html);
        Assert.Contains("id=\"glossary-list\"", html);
        Assert.True(html.IndexOf("/js/glossary-terms.js", StringComparison.Ordinal) < html.IndexOf("/js/glossary.js", StringComparison.Ordinal));
        var terms = await client.GetStringAsync("/js/glossary-terms.js");
        Assert.Contains("The p-value after allowing for the many gaps tested at once", terms);
    }

    [Fact]
    public async Task Every_page_with_a_chart_loads_the_chart_module_after_plotly_and_before_its_own_script()
    {
        foreach (var page in DashboardPage.All.Where(p => p.Scripts?.Contains("lib/plotly.min.js") == true))
        {
            var scripts = page.Scripts!.ToList();
            var chartModule = scripts.IndexOf("js/charts.js");
            Assert.True(scripts.IndexOf("lib/plotly.min.js") < chartModule, page.Title);
            Assert.True(scripts.IndexOf("js/glossary.js") < chartModule, page.Title);
            Assert.True(chartModule < scripts.Count - 1, $"{page.Title} has no script of its own after the chart module");
        }
    }

    [Theory]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/js/site.js", "javascript")]
    [InlineData("/js/charts.js", "javascript")]
    [InlineData("/js/glossary.js", "javascript")]
    [InlineData("/js/overview.js", "javascript")]
    [InlineData("/js/data.js", "javascript")]
    public async Task The_pages_styles_and_scripts_are_served(string path, string mediaType)
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(mediaType, response.Content.Headers.ContentType?.MediaType);
    }
}
