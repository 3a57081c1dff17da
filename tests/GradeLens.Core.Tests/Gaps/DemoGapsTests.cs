using System.Globalization;
using GradeLens.Core.Demo;
using GradeLens.Core.Gaps;
using GradeLens.Core.Import;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tests.Gaps;

/// <summary>The demo's national assessment: subjects imported only as domains, Arabic and French names, a GCSE subject of the same name.</summary>
public sealed class DemoGapsTests
{
    private const int Students = 2000;

    /// <summary>The generated national file, read back: per subject, each student's domain scores.</summary>
    private static Dictionary<string, Dictionary<string, List<double>>> ReadNational(string path)
    {
        var subjects = new Dictionary<string, Dictionary<string, List<double>>>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            var students = subjects.TryGetValue(f[7], out var s) ? s : subjects[f[7]] = [];
            (students.TryGetValue(f[0], out var scores) ? scores : students[f[0]] = []).Add(double.Parse(f[9], CultureInfo.InvariantCulture));
        }

        return subjects;
    }

    [Fact]
    public async Task A_subject_imported_as_domains_scores_each_student_by_the_mean_of_their_domains()
    {
        await using var temp = await TempStore.CreateAsync();
        var data = DemoGenerator.Generate(temp.PathOf("demo"), new DemoOptions(NationalStudents: Students));
        foreach (var file in data.Files.Take(2))
        {
            var report = await temp.Store.ImportAsync(new ImportRequest([file.Path], file.Mapping, Organisation: DemoGenerator.Organisation));
            Assert.True(report.Succeeded, report.Message);
        }

        var national = ReadNational(data.Files[1].Path);

        var table = await GapTableTests.TableAsync(temp.Store, new GapRequest(Within: [GapDimension.Region, GapDimension.GradeLevel]));

        var math = table.Cells.Single(c => c.Subject == "Math" && c.Region is null && c.GradeLevel is null);
        Assert.Equal("Spring 2026", math.Series);
        Assert.Equal(Students, math.Students);
        var perStudent = national["Math"].Values.Select(v => v.Average()).ToList();
        Assert.Equal(perStudent.Average(), math.Mean!.Value, 9);
        Assert.Equal(100.0 * perStudent.Count(m => m < 50) / Students, math.PercentBelow!.Value, 9);

        // French is both a GCSE subject (9-1, latest series Final) and a national one (percent): two tables, never pooled.
        var french = table.Cells.Where(c => c.Subject == "French" && c.Region is null && c.GradeLevel is null).ToList();
        Assert.Equal(["Final", "Spring 2026"], french.Select(c => c.Series).Order());
        Assert.Equal(national["French"].Count, french.Single(c => c.Series == "Spring 2026").Students);

        // Region x grade for the four national subjects: 8 x 6 cells, 8 regions, 6 grades and the national one each.
        Assert.Equal(4 * (48 + 8 + 6 + 1), table.Cells.Count(c => c.Series == "Spring 2026"));
        Assert.Contains(table.Cells, c => c.Region == "البقاع" && c.Subject == "Arabic");
        Assert.Contains(table.Thresholds, t => t.StartsWith("Math (Spring 2026): below 50 of 100", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Domains_drill_down_gives_each_domain_its_own_cells_with_every_student_once()
    {
        await using var temp = await TempStore.CreateAsync();
        await DemoBuilder.BuildAsync(temp.Store, new DemoOptions(NationalStudents: Students));

        var table = await GapTableTests.TableAsync(temp.Store, new GapRequest(Within: [GapDimension.Region, GapDimension.Domain], Subject: "Arabic"));

        var domains = table.Cells.Where(c => c.Region is null).ToList();
        Assert.Equal(["التعبير الكتابي", "القواعد", "فهم المقروء"], domains.Select(c => c.Domain));
        Assert.All(domains, d => Assert.Equal(Students, d.Students));
        Assert.All(table.Cells, c => Assert.Equal("Arabic", c.Subject));
        // Girls are 5 points ahead in the languages outside one region: the national Arabic gaps are significant.
        Assert.All(table.Gaps.Where(g => g.Region is null), g => Assert.True(g.Significant && g.Group == "F" && g.GapPoints > 2, $"{g.Domain}: {g.GapPoints} (q {g.Q})"));
    }
}
