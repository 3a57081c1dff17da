using System.Globalization;
using System.Text;
using GradeLens.Core.Areas;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Demo;

/// <summary>
/// The demo's areas as NAEP-shaped files (<see cref="NationalAreaDemo"/>): the states' measures and their four average
/// scores over nine years, about 3,000 counties with 2020 figures and a FIPS code each, and a ZIP -> county crosswalk
/// (ZIP codes with leading zeros, some without a county and a few naming a county that does not exist, so the join
/// report has something to list).
/// </summary>
public static class AreaFigures
{
    /// <summary>ZIP codes whose crosswalk row names no county.</summary>
    public const int ZipsWithoutCounty = 12;

    /// <summary>ZIP codes naming a county that is in no county file.</summary>
    public const int ZipsWithUnknownCounty = 4;

    public static IReadOnlyList<DemoFile> Write(string directory, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var set = NationalAreaDemo.Generate(random.Next());
        var measures = new StringBuilder("state,year,poverty_percent,median_income,unemployment_rate\n");
        var scores = new StringBuilder("state,year,grade,subject,avg_score\n");
        foreach (var state in set.States)
        {
            measures.Append(Text($"{state.Area},{state.Year},{state.Measures[AreaNames.Poverty]},{state.Measures[AreaNames.MedianIncome]},{state.Measures[AreaNames.Unemployment]}\n"));
            foreach (var (key, value) in state.Scores.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                var (subject, grade) = (key[..key.IndexOf(" grade ", StringComparison.Ordinal)], key[(key.LastIndexOf(' ') + 1)..]);
                scores.Append(Text($"{state.Area},{state.Year},{grade},{subject},{value}\n"));
            }
        }

        var counties = new StringBuilder("state,county,county_fips,year,poverty_percent,median_income,unemployment_rate\n");
        var zips = new StringBuilder("state,county,zip_code\n");
        var zip = 501;
        foreach (var county in set.Counties)
        {
            counties.Append(Text($"{county.ParentArea},{county.Area},{county.Code},{county.Year},{county.Measures[AreaNames.Poverty]},{county.Measures[AreaNames.MedianIncome]},{county.Measures[AreaNames.Unemployment]}\n"));
            for (var z = random.Next(1, 4); z > 0; z--)
            {
                zips.Append(Text($"{county.ParentArea},{county.Area},{zip++:D5}\n"));
            }

            zip += random.Next(0, 25);
        }

        for (var z = 0; z < ZipsWithoutCounty + ZipsWithUnknownCounty; z++)
        {
            var state = set.States[random.Next(set.States.Count)].Area;
            zips.Append(Text($"{state},{(z < ZipsWithoutCounty ? "" : state + " Lakeside County")},{zip++:D5}\n"));
        }

        return
        [
            Save(directory, "area_measures.csv", measures, "poverty, median income and unemployment of the 50 states and DC, 2003-2019",
                Column("state", ColumnRole.Area, "state"), Column("year", ColumnRole.Year), Measure(AreaNames.Poverty), Measure(AreaNames.MedianIncome), Measure(AreaNames.Unemployment)),
            Save(directory, "area_scores.csv", scores, "average scores of the same states in grades 4 and 8, mathematics and reading",
                Column("state", ColumnRole.Area, "state"), Column("year", ColumnRole.Year), Column("grade", ColumnRole.GradeLevel),
                Column("subject", ColumnRole.Subject), Column("avg_score", ColumnRole.AreaScore)),
            Save(directory, "county_figures.csv", counties, "2020 poverty, income and unemployment of 3,141 counties, each with its FIPS code",
                Column("state", ColumnRole.Area, "state"), Column("county", ColumnRole.Area, "county"), Column("county_fips", ColumnRole.AreaCode, "county"),
                Column("year", ColumnRole.Year), Measure(AreaNames.Poverty), Measure(AreaNames.MedianIncome), Measure(AreaNames.Unemployment)),
            Save(directory, "zip_codes.csv", zips, "ZIP code -> county crosswalk (ZIP codes as text, some without a county)",
                Column("state", ColumnRole.Area, "state"), Column("county", ColumnRole.Area, "county"), Column("zip_code", ColumnRole.Area, "zip")),
        ];
    }

    private static DemoFile Save(string directory, string name, StringBuilder text, string description, params ColumnMapping[] columns)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return new DemoFile(path, new ImportMapping { Kind = TableKind.Areas, Columns = columns }, description);
    }

    private static ColumnMapping Column(string header, ColumnRole role, string? level = null) => new() { Header = header, Role = role, AreaLevel = level };

    private static ColumnMapping Measure(string header) => new() { Header = header, Role = ColumnRole.Measure, Measure = header };

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
