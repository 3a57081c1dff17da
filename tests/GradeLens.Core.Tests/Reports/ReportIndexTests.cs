using System.Text.RegularExpressions;
using GradeLens.Core.Reports;

namespace GradeLens.Core.Tests.Reports;

public sealed partial class ReportIndexTests(DemoReportStore demo) : IClassFixture<DemoReportStore>
{
    [Fact]
    public async Task Report_all_writes_an_index_linking_every_file_with_its_method_needing_nothing_from_outside_and_every_figure_is_a_valid_png()
    {
        await using var copy = await demo.OpenCopyAsync();
        var summary = await copy.WriteAsync(StudyReports.All);

        var bytes = await File.ReadAllBytesAsync(summary.IndexPath);
        Assert.NotEqual(0xEF, bytes[0]);
        var html = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        var links = Links().Matches(html).Select(m => Uri.UnescapeDataString(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))).ToHashSet(StringComparer.Ordinal);
        foreach (var file in summary.Files)
        {
            Assert.Contains(file.Path, links);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(file.Method), html, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(copy.ReportDirectory, file.Path)), file.Path);
        }

        Assert.All(links.Where(l => !l.StartsWith('#')), l => Assert.True(File.Exists(Path.Combine(copy.ReportDirectory, l)), $"{l} is not in the folder"));
        Assert.DoesNotContain("http:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(summary.Studies, s => Assert.True(s.Written, $"{s.Study}: {s.Skipped}"));
        Assert.Contains(System.Net.WebUtility.HtmlEncode(GradeLens.Core.Areas.AreaNotes.StateModelElsewhere), html, StringComparison.Ordinal);

        // Every figure of the report is a valid PNG of the expected size that is not blank.
        var figures = summary.Files.Where(f => f.Kind == ReportFileKind.Figure).ToList();
        Assert.True(figures.Count > 40, $"only {figures.Count} figures");
        foreach (var figure in figures)
        {
            PngCheck.AssertValid(await File.ReadAllBytesAsync(Path.Combine(copy.ReportDirectory, figure.Path)));
        }
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]+)\"")]
    private static partial Regex Links();
}
