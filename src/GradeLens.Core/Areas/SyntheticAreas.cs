using System.Globalization;
using GradeLens.Core.Demo;

namespace GradeLens.Core.Areas;

/// <summary>
/// A seeded synthetic panel for the Areas benchmark: N areas × 10 years (2010-2019), 5 measures and the 4 scores,
/// in columns (no per-row records, so a million area-years cost two arrays). Each area has a latent disadvantage that
/// drives its poverty, child poverty, income, unemployment and spending (poverty and income correlate about −0.65; −0.57 in NAEP's states), and
/// a persistent effect on its scores that no measure explains; scores fall with poverty (r about −0.5, as in NAEP).
/// </summary>
public static class SyntheticAreas
{
    public const int FirstYear = 2010;
    public const int Years = 10;
    public const string ChildPoverty = "child_poverty_percent";
    public const string Spending = "spending_per_student";

    public static IReadOnlyList<string> Measures { get; } = [AreaNames.Poverty, AreaNames.MedianIncome, AreaNames.Unemployment, ChildPoverty, Spending];

    private static readonly (double Mean, double PovertySlope, double Noise)[] _scores = [(240, -0.9, 4.5), (282, -1.3, 6), (221, -1.1, 5), (265, -1.0, 4.8)];

    public static AreaPanel Generate(int areas, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(areas, 1);
        var random = new Random(seed);
        var rows = areas * Years;
        var names = new string[rows];
        var parents = new string?[rows];
        var years = new int[rows];
        var measures = new double[rows * Measures.Count];
        var scores = new double[rows * _scores.Length];
        var cycle = Enumerable.Range(0, Years).Select(t => 1.5 * Math.Sin(t * 0.9)).ToArray();
        for (var a = 0; a < areas; a++)
        {
            var name = "Area " + a.ToString("D6", CultureInfo.InvariantCulture);
            var region = "Region " + (a % 50).ToString("D2", CultureInfo.InvariantCulture);
            var disadvantage = random.Normal();
            var effect = random.Normal(0, 3);
            var incomeLevel = random.Normal(0, 0.22);
            var spendingLevel = random.Normal(0, 0.15);
            for (var t = 0; t < Years; t++)
            {
                var i = (a * Years) + t;
                names[i] = name;
                parents[i] = region;
                years[i] = FirstYear + t;
                var poverty = Math.Round(Math.Clamp(14 + (4 * disadvantage) + random.Normal(0, 1), 2, 45), 1);
                var m = measures.AsSpan(i * Measures.Count, Measures.Count);
                m[0] = poverty;
                m[1] = Math.Round(60_000 * Math.Exp((-0.2 * disadvantage) + incomeLevel + random.Normal(0, 0.04)) * Math.Pow(1.015, t));
                m[2] = Math.Round(Math.Clamp(5 + (0.8 * disadvantage) + cycle[t] + random.Normal(0, 0.8), 1, 25), 1);
                m[3] = Math.Round(Math.Clamp((1.3 * poverty) + random.Normal(0, 2), 2, 60), 1);
                m[4] = Math.Round(12_000 * Math.Exp((-0.1 * disadvantage) + spendingLevel + random.Normal(0, 0.03)));
                var s = scores.AsSpan(i * _scores.Length, _scores.Length);
                for (var k = 0; k < _scores.Length; k++)
                {
                    s[k] = Math.Round(_scores[k].Mean + (_scores[k].PovertySlope * (poverty - 14)) + (0.00004 * (m[1] - 60_000)) + effect + random.Normal(0, _scores[k].Noise), 2);
                }
            }
        }

        return new AreaPanel(names, parents, years, Measures, measures, AreaNames.StudyScores, scores);
    }
}
