using System.Globalization;
using System.Net;
using System.Text;

namespace GradeLens.Core.Reports;

/// <summary>
/// index.html: every study's tables and figures linked with one line of method each, and what was skipped and why.
/// One UTF-8 file with its style inline and only relative links to the report's own files: no script, font or image
/// from anywhere else, so the folder can be zipped and emailed and opens offline. Text carries dir="auto", so Arabic
/// names read right to left.
/// </summary>
public static class ReportIndex
{
    private const string Style = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2rem auto;max-width:1100px;color:#222;line-height:1.45;padding:0 1rem}
        h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e3e3e3;vertical-align:top}
        td.n{text-align:right;font-variant-numeric:tabular-nums}.method{color:#555;font-size:.92rem}.skipped{background:#f6f0dc;padding:.5rem .8rem}
        figure{display:inline-block;width:48%;margin:.5rem 1% .8rem 0;vertical-align:top}figure img{width:100%;border:1px solid #ddd}
        figcaption{font-size:.9rem}ul.notes{color:#444}
        """;

    public static string Html(ReportSummary summary, DateTime writtenUtc)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>GradeLens report</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<h1>GradeLens report</h1>\n");
        html.Append("<p>Written ").Append(Encode(writtenUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)))
            .Append(" for <span dir=\"auto\">").Append(Encode(summary.Audience.Describe())).Append("</span> in ")
            .Append(Encode(summary.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture))).Append(" s. ")
            .Append("Every number was computed by the same code as the dashboard's pages, within this user's scope")
            .Append(summary.Audience.SeesStudents ? "." : ": aggregates only, no student row, every group under the minimum size suppressed.")
            .Append(" Tables are CSV (UTF-8, invariant numbers); figures are PNG.</p>\n<ul>\n");
        foreach (var study in summary.Studies)
        {
            html.Append("<li><a href=\"#").Append(Encode(study.Study)).Append("\">").Append(Encode(study.Title)).Append("</a>")
                .Append(study.Written ? $" ({study.Files.Count} files)" : " (skipped)").Append("</li>\n");
        }

        html.Append("</ul>\n");
        foreach (var study in summary.Studies)
        {
            Section(html, study);
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void Section(StringBuilder html, StudyOutcome study)
    {
        html.Append("<section id=\"").Append(Encode(study.Study)).Append("\">\n<h2>").Append(Encode(study.Title)).Append("</h2>\n");
        if (study.Skipped is { } skipped)
        {
            html.Append("<p class=\"skipped\" dir=\"auto\">").Append(Encode(skipped)).Append("</p>\n</section>\n");
            return;
        }

        if (study.Notes.Count > 0)
        {
            html.Append("<ul class=\"notes\">\n");
            foreach (var note in study.Notes)
            {
                html.Append("<li dir=\"auto\">").Append(Encode(note)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        var tables = study.Files.Where(f => f.Kind != ReportFileKind.Figure).ToList();
        if (tables.Count > 0)
        {
            html.Append("<table>\n<tr><th>file</th><th>what it holds, and how it was computed</th><th>rows</th></tr>\n");
            foreach (var file in tables)
            {
                html.Append("<tr><td><a href=\"").Append(Href(file.Path)).Append("\">").Append(Encode(file.Path)).Append("</a></td><td dir=\"auto\">")
                    .Append(Encode(file.Title)).Append("<br><span class=\"method\">").Append(Encode(file.Method)).Append("</span></td><td class=\"n\">")
                    .Append(file.Rows?.ToString(CultureInfo.InvariantCulture) ?? "").Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        foreach (var figure in study.Files.Where(f => f.Kind == ReportFileKind.Figure))
        {
            html.Append("<figure><a href=\"").Append(Href(figure.Path)).Append("\"><img src=\"").Append(Href(figure.Path)).Append("\" alt=\"")
                .Append(Encode(figure.Title)).Append("\" loading=\"lazy\"></a><figcaption dir=\"auto\">").Append(Encode(figure.Title))
                .Append("<br><span class=\"method\">").Append(Encode(figure.Method)).Append("</span></figcaption></figure>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>A relative link: each path segment escaped (Arabic file names included).</summary>
    private static string Href(string path) => Encode(string.Join('/', path.Split('/').Select(Uri.EscapeDataString)));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
