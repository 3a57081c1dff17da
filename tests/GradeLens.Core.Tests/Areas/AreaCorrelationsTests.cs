using GradeLens.Core.Areas;

namespace GradeLens.Core.Tests.Areas;

public sealed class AreaCorrelationsTests
{
    private const double Tolerance = 1e-6;

    private static readonly string[] Measures = [AreaNames.Poverty, AreaNames.MedianIncome, AreaNames.Unemployment, "violent_crime_rate", "property_crime_rate"];

    /// <summary>
    /// Spearman's rho, its p and the BH q of Pearson's p over the 5 × 4 table, from Debian python3 (scipy 1.10.1, statsmodels 0.13.5):
    /// df = naep.csv ⋈ poverty_income.csv ⋈ unemployment_crime.csv on [year, state] (utf-8-sig), as make_reference.py's naep();
    /// for m in [poverty_percent, median_income, unemployment_rate, violent_crime_rate, property_crime_rate]:
    ///   for (s, g), d in df.groupby([subject, grade]): r, p = stats.pearsonr(d[m], d.avg_score); rho, rp = stats.spearmanr(d[m], d.avg_score)
    /// q = multipletests([every p], method="fdr_bh")[1].
    /// </summary>
    public static TheoryData<string, string, double, double, double> Cells() => new()
    {
        { AreaNames.Poverty, "Mathematics grade 4", -0.46439264540162484, 6.246883509718931e-26, 2.714697313955705e-29 },
        { AreaNames.MedianIncome, "Reading grade 8", 0.3105046714591158, 1.0240991574902494e-11, 1.5300608939480472e-08 },
        { AreaNames.Unemployment, "Mathematics grade 8", -0.17621845207456271, 0.00014776449060028822, 0.002087065645437859 },
        { AreaNames.Unemployment, "Reading grade 4", -0.2193395130868562, 2.0925654016733593e-06, 1.2902100258120309e-05 },
        { "violent_crime_rate", "Reading grade 8", -0.5921577060869642, 8.889425223393421e-45, 1.5182425297539107e-56 },
        { "property_crime_rate", "Reading grade 8", -0.5811491206190722, 8.156291040876794e-43, 1.5325291211831339e-47 },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Spearman_rho_and_the_table_wide_bh_q_match_scipy_and_statsmodels(string measure, string score, double rho, double rhoP, double q)
    {
        var table = AreaCorrelations.Compute(NaepTestData.Panel(), Measures, AreaNames.StudyScores);

        var cell = table.Single(c => c.Measure == measure && c.Score == score);

        Assert.Equal(20, table.Count);
        Assert.Equal(rho, cell.Rho!.Value, Tolerance);
        Assert.Equal(1.0, cell.RhoP!.Value / rhoP, Tolerance);
        Assert.Equal(1.0, cell.Q!.Value / q, Tolerance);
        Assert.True(cell.Lower < cell.R && cell.R < cell.Upper);
        Assert.Null(cell.Reason);
    }

    [Fact]
    public void Fisher_z_interval_is_tanh_of_atanh_r_plus_or_minus_1_96_over_root_n_minus_3()
    {
        var cell = AreaCorrelations.Compute(NaepTestData.Panel(), [AreaNames.Poverty], ["Mathematics grade 4"]).Single();

        var half = 1.959963984540054 / Math.Sqrt(cell.N - 3);
        Assert.Equal(Math.Tanh(Math.Atanh(cell.R!.Value) - half), cell.Lower!.Value, 1e-12);
        Assert.Equal(Math.Tanh(Math.Atanh(cell.R.Value) + half), cell.Upper!.Value, 1e-12);
    }

    [Fact]
    public void A_pair_with_too_few_area_years_or_a_constant_column_has_no_figures_but_a_reason()
    {
        var observations = Enumerable.Range(0, 6).Select(i => new AreaObservation(
            $"A{i}", null, 2019,
            i < 3 ? new Dictionary<string, double> { ["flat"] = 1, ["sparse"] = i } : new Dictionary<string, double> { ["flat"] = 1 },
            new Dictionary<string, double> { ["score"] = 200 + i })).ToList();

        var table = AreaCorrelations.Compute(AreaPanel.FromObservations(observations));

        var flat = table.Single(c => c.Measure == "flat");
        var sparse = table.Single(c => c.Measure == "sparse");
        Assert.Null(flat.R);
        Assert.Contains("does not vary", flat.Reason, StringComparison.Ordinal);
        Assert.Equal(3, sparse.N);
        Assert.Null(sparse.Q);
        Assert.Contains("at least 4", sparse.Reason, StringComparison.Ordinal);
    }
}
