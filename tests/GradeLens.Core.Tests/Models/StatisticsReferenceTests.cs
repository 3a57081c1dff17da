using GradeLens.Core.Models;

namespace GradeLens.Core.Tests.Models;

/// <summary>Pearson (scipy) and silhouette (scikit-learn) on uci_math.</summary>
public sealed class StatisticsReferenceTests
{
    [Fact]
    public void Pearson_r_p_and_interval_of_G1_and_G3_match_scipy()
    {
        using var reference = SharedFiles.Reference();
        var expected = reference.RootElement.GetProperty("uci_math").GetProperty("pearson_G1_G3");
        var (_, _, rows) = ModelTestData.UciMath();

        var r = Correlation.Pearson(rows.Select(x => x.Number("G1")).ToArray(), rows.Select(x => x.Number("G3")).ToArray());

        Assert.Equal(expected.GetProperty("r").GetDouble(), r.R, 1e-12);
        // p is about 9e-90: compare relatively, to 1e-6.
        Assert.Equal(1.0, r.P / expected.GetProperty("p").GetDouble(), 1e-6);
        Assert.Equal(expected.GetProperty("ci95")[0].GetDouble(), r.Lower, 1e-9);
        Assert.Equal(expected.GetProperty("ci95")[1].GetDouble(), r.Upper, 1e-9);
    }

    [Fact]
    public void Silhouette_of_G1_G2_by_G3_band_matches_scikit_learn_to_1e_6()
    {
        using var reference = SharedFiles.Reference();
        var (_, _, rows) = ModelTestData.UciMath();
        var x = FeatureMatrix.FromRows(["G1", "G2"], rows.Select(r => new[] { r.Number("G1"), r.Number("G2") }));
        // pd.cut(G3, bins=[-1, 9, 14, 20]): 0..9, 10..14, 15..20.
        var bands = rows.Select(r => r.Number("G3") switch { <= 9 => 0, <= 14 => 1, _ => 2 }).ToArray();

        Assert.Equal(reference.RootElement.GetProperty("uci_math").GetProperty("silhouette_G1_G2_by_G3_band").GetDouble(), Silhouette.Mean(x, bands), 1e-6);
    }
}
