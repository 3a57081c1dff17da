using System.Text;
using System.Text.Encodings.Web;
using GradeLens.Web.Security;
using Microsoft.Extensions.FileProviders;

namespace GradeLens.Web.Pages;

/// <summary>
/// Serves every <see cref="DashboardPage"/>: the layout (navigation, header) is rendered here; a page's body is
/// static HTML from wwwroot whose script fetches the API and draws the charts and tables.
/// </summary>
public static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app, IFileProvider assets)
    {
        foreach (var page in DashboardPage.All)
        {
            var html = Render(page, assets);
            app.MapGet(page.Path, () => TypedResults.Text(html, "text/html; charset=utf-8"))
                .WithName($"{page.Title}Page")
                .RequireAuthorization(page.Policy)
                .ExcludeFromDescription();
        }

        return app;
    }

    /// <summary>The whole page; pages are fixed, so each is rendered once at startup.</summary>
    internal static string Render(DashboardPage page, IFileProvider assets)
    {
        var e = HtmlEncoder.Default;
        var navigation = string.Join("\n", DashboardPage.All.Select(entry =>
        {
            var current = entry == page ? " aria-current=\"page\"" : "";
            var soon = entry.IsBuilt ? "" : "<span class=\"soon\" title=\"Not built yet\">soon</span>";
            return $"""      <li><a href="{e.Encode(entry.Path)}"{current}><span>{e.Encode(entry.Title)}</span>{soon}</a></li>""";
        }));
        var content = page.Content is null
            ? $"""    <section class="panel not-built"><p>This page is not built yet: it will show {e.Encode(Lower(page.Purpose))}</p></section>"""
            : ReadAsset(assets, page.Content).TrimEnd();
        var purpose = page.IsBuilt ? $"""      <p class="purpose">{e.Encode(page.Purpose)}</p>""" : "";
        if (page.TakesFilters)
        {
            purpose += "\n" + """      <form class="student-filters" id="student-filters" aria-label="Filters" hidden></form>""";
        }

        var shared = page.TakesFilters ? new[] { "js/site.js", "js/filters.js" } : ["js/site.js"];
        var scripts = string.Join("\n", ((IEnumerable<string>)[.. shared, .. page.Scripts ?? []])
            .Select(script => $"""  <script src="/{e.Encode(script)}"></script>"""));

        return $"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{e.Encode(page.Title)} · GradeLens</title>
              <link rel="icon" href="/favicon.svg" type="image/svg+xml">
              <link rel="stylesheet" href="/css/site.css">
            </head>
            <body>
              <nav class="nav" aria-label="Pages">
                <a class="brand" href="/">GradeLens</a>
                <ul>
            {navigation}
                </ul>
                <div class="account" id="account" aria-live="polite"></div>
              </nav>
              <main>
                <header class="page-header">
                  <h1>{e.Encode(page.Title)}</h1>
            {purpose}
                </header>
            {content}
              </main>
            {scripts}
            </body>
            </html>

            """;
    }

    private static string Lower(string sentence) =>
        sentence.Length > 0 ? char.ToLowerInvariant(sentence[0]) + sentence[1..] : sentence;

    private static string ReadAsset(IFileProvider assets, string path)
    {
        var file = assets.GetFileInfo(path);
        if (!file.Exists)
        {
            throw new InvalidOperationException($"wwwroot/{path} is not embedded in {typeof(PageEndpoints).Assembly.GetName().Name}.");
        }

        using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
