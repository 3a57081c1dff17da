using System.Globalization;
using System.Text;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Demo;

/// <summary>
/// Socio-economic figures and average scores of 30 state-like areas over four years; scores fall with
/// poverty (correlation about -0.5), as in the NAEP data, so the Areas page has something real to explain.
/// </summary>
internal static class AreaFigures
{
    private static readonly int[] Years = [2013, 2015, 2017, 2019];

    public static IReadOnlyList<DemoFile> Write(string directory, Random random)
    {
        var measures = new StringBuilder("state,year,poverty_percent,median_income,unemployment_rate\n");
        var scores = new StringBuilder("state,year,grade,subject,avg_score\n");
        for (var a = 1; a <= 30; a++)
        {
            var name = "Area " + a.ToString("D2", CultureInfo.InvariantCulture);
            var basePoverty = Math.Clamp(random.Normal(14, 4), 6, 26);
            foreach (var year in Years)
            {
                var poverty = Math.Round(Math.Clamp(basePoverty + random.Normal(0, 1), 4, 30), 1);
                var income = Math.Round(85_000 - 1_600 * poverty + random.Normal(0, 4_000));
                var unemployment = Math.Round(Math.Clamp(2.5 + 0.18 * poverty + random.Normal(0, 0.8), 1.5, 12), 1);
                measures.Append(CultureInfo.InvariantCulture, $"{name},{year},{poverty},{income},{unemployment}\n");
                foreach (var (grade, subject, mean) in new[] { (4, "Mathematics", 240.0), (4, "Reading", 221.0), (8, "Mathematics", 282.0), (8, "Reading", 265.0) })
                {
                    var score = Math.Round(mean - 1.0 * (poverty - 14) + random.Normal(0, 4.5), 1);
                    scores.Append(CultureInfo.InvariantCulture, $"{name},{year},{grade},{subject},{score}\n");
                }
            }
        }

        var measuresPath = Path.Combine(directory, "area_measures.csv");
        var scoresPath = Path.Combine(directory, "area_scores.csv");
        File.WriteAllText(measuresPath, measures.ToString(), new UTF8Encoding(false));
        File.WriteAllText(scoresPath, scores.ToString(), new UTF8Encoding(false));
        return
        [
            new DemoFile(measuresPath, new ImportMapping
            {
                Kind = TableKind.Areas,
                Columns =
                [
                    new() { Header = "state", Role = ColumnRole.Area, AreaLevel = "state" },
                    new() { Header = "year", Role = ColumnRole.Year },
                    new() { Header = "poverty_percent", Role = ColumnRole.Measure },
                    new() { Header = "median_income", Role = ColumnRole.Measure },
                    new() { Header = "unemployment_rate", Role = ColumnRole.Measure },
                ],
            }, "poverty, income and unemployment of 30 areas, 2013-2019"),
            new DemoFile(scoresPath, new ImportMapping
            {
                Kind = TableKind.Areas,
                Columns =
                [
                    new() { Header = "state", Role = ColumnRole.Area, AreaLevel = "state" },
                    new() { Header = "year", Role = ColumnRole.Year },
                    new() { Header = "grade", Role = ColumnRole.GradeLevel },
                    new() { Header = "subject", Role = ColumnRole.Subject },
                    new() { Header = "avg_score", Role = ColumnRole.AreaScore },
                ],
            }, "average scores of the same areas by grade (4, 8) and subject"),
        ];
    }
}
