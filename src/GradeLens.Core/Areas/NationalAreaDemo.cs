using System.Globalization;
using GradeLens.Core.Demo;

namespace GradeLens.Core.Areas;

/// <summary>
/// The demo's national set: the 50 states and DC over the NAEP years, their measures and four scores, and as many
/// counties as NAEP's county file has in each state (3,141), each in its state with 2020 figures to predict for and a
/// 5-digit FIPS code (the state's code and the county's odd number, as most states number theirs) that places it on the
/// map. State names and codes are real; county names and every figure are synthetic.
/// </summary>
/// <param name="OverPerformers">States planted to score well above what their figures predict, every year.</param>
/// <param name="UnderPerformers">States planted to score well below.</param>
public sealed record NationalAreaSet(
    IReadOnlyList<AreaObservation> States,
    IReadOnlyList<AreaObservation> Counties,
    IReadOnlyList<string> OverPerformers,
    IReadOnlyList<string> UnderPerformers);

/// <summary>
/// Seeded generator of <see cref="NationalAreaSet"/>. A state's latent disadvantage drives poverty, income and
/// unemployment (poverty and income correlate about −0.6, as in NAEP's states); scores fall with poverty (r about −0.5, as in NAEP), plus a
/// small state effect, yearly noise, and ±18 points for three planted over- and three under-performers. Counties
/// scatter around their state, more widely than states do, so some of them lie outside the states' range.
/// </summary>
public static class NationalAreaDemo
{
    public static IReadOnlyList<int> Years { get; } = [2003, 2005, 2007, 2009, 2011, 2013, 2015, 2017, 2019];

    public const int CountyYear = 2020;

    private static readonly string[] _states =
    [
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "District of Columbia",
        "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
        "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
        "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
        "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
        "Washington", "West Virginia", "Wisconsin", "Wyoming",
    ];

    /// <summary>Each state's FIPS code, in the order of <see cref="_states"/>.</summary>
    private static readonly string[] _stateCodes =
    [
        "01", "02", "04", "05", "06", "08", "09", "10", "11", "12", "13", "15", "16", "17", "18", "19", "20", "21", "22", "23",
        "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "44",
        "45", "46", "47", "48", "49", "50", "51", "53", "54", "55", "56",
    ];

    /// <summary>Counties per state in NAEP's county_data.csv, in the order of <see cref="_states"/> (3,141 in all).</summary>
    private static readonly int[] _countyCounts =
    [
        67, 29, 15, 75, 58, 64, 8, 3, 1, 67, 159, 4, 44, 102, 92, 99, 105, 120, 64, 16, 24, 14, 83, 87, 82, 115, 56, 93, 17,
        10, 21, 33, 62, 100, 53, 88, 77, 36, 67, 5, 46, 66, 95, 254, 29, 14, 133, 39, 55, 72, 23,
    ];

    /// <summary>The state's 2-digit FIPS code, or null for a name that is not one of the 50 states and DC.</summary>
    public static string? StateCode(string state)
    {
        var index = Array.IndexOf(_states, state);
        return index < 0 ? null : _stateCodes[index];
    }

    private static readonly (string Subject, int Grade, double Mean, double PovertySlope)[] _scores =
        [("Mathematics", 4, 238, -0.9), ("Mathematics", 8, 281, -1.4), ("Reading", 4, 220, -1.1), ("Reading", 8, 264, -1.2)];

    public static NationalAreaSet Generate(int seed = 42)
    {
        var random = new Random(seed);
        // Counties beyond the stream's own count of each state draw from a second stream, so the states' figures (and
        // the planted performers' verdicts) are those of the seeded stream whatever the county counts.
        var extra = new Random(unchecked((seed * 31) + 17));
        var order = (string[])_states.Clone();
        random.Shuffle(order);
        string[] over = [.. order[..3].Order(StringComparer.Ordinal)];
        string[] under = [.. order[3..6].Order(StringComparer.Ordinal)];
        var states = new List<AreaObservation>(_states.Length * Years.Count);
        var counties = new List<AreaObservation>(3200);
        for (var index = 0; index < _states.Length; index++)
        {
            var state = _states[index];
            var disadvantage = random.Normal();
            var incomeLevel = random.Normal(0, 0.15);
            var effect = (over.Contains(state) ? 18 : under.Contains(state) ? -18 : 0) + random.Normal(0, 2);
            foreach (var year in Years)
            {
                var measures = Measures(random, disadvantage, incomeLevel, year - 2003, spread: 1);
                var scores = _scores.ToDictionary(
                    s => AreaNames.ScoreKey(s.Subject, s.Grade),
                    s => Math.Round(s.Mean + (s.PovertySlope * (measures[AreaNames.Poverty] - 13)) + (0.00004 * (measures[AreaNames.MedianIncome] - 55_000)) + effect + random.Normal(0, 3), 1),
                    StringComparer.Ordinal);
                states.Add(new AreaObservation(state, null, year, measures, scores));
            }

            var drawn = (int)Math.Round(Math.Clamp(random.Normal(61, 30), 5, 160));
            for (var c = 1; c <= Math.Max(drawn, _countyCounts[index]); c++)
            {
                var source = c <= drawn ? random : extra;
                var countyDisadvantage = disadvantage + source.Normal(0, 0.9);
                var figures = Measures(source, countyDisadvantage, incomeLevel + source.Normal(0, 0.1), CountyYear - 2003, spread: 2.5);
                if (c <= _countyCounts[index])
                {
                    counties.Add(new AreaObservation(CountyName(state, c), state, CountyYear, figures, new Dictionary<string, double>(StringComparer.Ordinal),
                        string.Create(CultureInfo.InvariantCulture, $"{_stateCodes[index]}{(2 * c) - 1:D3}")));
                }
            }
        }

        return new NationalAreaSet(states, counties, over, under);
    }

    /// <summary>Poverty %, median household income and unemployment % of an area of the given disadvantage and (log) income level, <paramref name="years"/> after 2003.</summary>
    private static Dictionary<string, double> Measures(Random random, double disadvantage, double incomeLevel, int years, double spread)
    {
        var cycle = 1.8 * Math.Sin((years - 4) * 0.45);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [AreaNames.Poverty] = Math.Round(Math.Clamp(13 + (3.2 * disadvantage) + random.Normal(0, 0.8 * spread), 3, 45), 1),
            [AreaNames.MedianIncome] = Math.Round(45_000 * Math.Exp((-0.17 * disadvantage) + incomeLevel + random.Normal(0, 0.04 * spread)) * Math.Pow(1.02, years)),
            [AreaNames.Unemployment] = Math.Round(Math.Clamp(5.5 + (0.7 * disadvantage) + cycle + random.Normal(0, 0.6 * spread), 1.5, 25), 1),
        };
    }

    private static string CountyName(string state, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{state} County {index:D3}");
}
