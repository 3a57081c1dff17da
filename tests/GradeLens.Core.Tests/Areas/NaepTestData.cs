using System.Globalization;
using GradeLens.Core.Areas;

namespace GradeLens.Core.Tests.Areas;

/// <summary>
/// The NAEP files joined as make_reference.py's naep() joins them: naep.csv inner-joined with poverty_income.csv and
/// unemployment_crime.csv on year and state. One observation per state and year, its four scores by "subject grade N".
/// </summary>
internal static class NaepTestData
{
    public static IReadOnlyList<AreaObservation> Observations()
    {
        var poverty = Read("naep/poverty_income.csv").ToDictionary(r => (r["year"], r["state"]));
        var unemployment = Read("naep/unemployment_crime.csv").ToDictionary(r => (r["year"], r["state"]));
        var scores = new Dictionary<(string Year, string State), Dictionary<string, double>>();
        foreach (var row in Read("naep/naep.csv"))
        {
            var key = (row["year"], row["state"]);
            if (!scores.TryGetValue(key, out var byScore))
            {
                scores[key] = byScore = [];
            }

            byScore[AreaNames.ScoreKey(row["subject"], int.Parse(row["grade"], CultureInfo.InvariantCulture))] = Number(row["avg_score"]);
        }

        var observations = new List<AreaObservation>();
        foreach (var (key, byScore) in scores.OrderBy(s => s.Key.Year, StringComparer.Ordinal).ThenBy(s => s.Key.State, StringComparer.Ordinal))
        {
            if (poverty.TryGetValue(key, out var p) && unemployment.TryGetValue(key, out var u))
            {
                var measures = new Dictionary<string, double>
                {
                    [AreaNames.Poverty] = Number(p["poverty_percent"]),
                    [AreaNames.MedianIncome] = Number(p["median_income"]),
                    [AreaNames.Unemployment] = Number(u["unemployment_rate"]),
                    ["violent_crime_rate"] = Number(u["violent_crime_rate"]),
                    ["property_crime_rate"] = Number(u["property_crime_rate"]),
                };
                observations.Add(new AreaObservation(key.State, null, int.Parse(key.Year, CultureInfo.InvariantCulture), measures, byScore));
            }
        }

        return observations;
    }

    public static AreaPanel Panel() => AreaPanel.FromObservations(Observations());

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> Read(string relative)
    {
        var lines = File.ReadAllLines(SharedFiles.Path(relative)).Where(l => l.Length > 0).ToArray();
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second.Trim()))];
    }
}
