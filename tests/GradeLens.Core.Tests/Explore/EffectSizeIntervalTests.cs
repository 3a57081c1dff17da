using GradeLens.Core.Explore;

namespace GradeLens.Core.Tests.Explore;

public sealed class EffectSizeIntervalTests
{
    /// <summary>
    /// (f, df1, df2, lambda, P(F &lt;= f), tolerance) from Debian's /usr/bin/python3, scipy 1.10.1:
    /// <c>stats.ncf.cdf(f, d1, d2, nc)</c> for each row (the first with nc = 0 is the central F). The last two (a
    /// million students, lambda = 50,000) are mpmath 1.2.1 at 40 digits instead: the same Poisson mixture, the mode's
    /// incomplete beta by its series x^a (1 - x)^b / (a B(a, b)) 2F1(a + b, 1; a + 1; x), the rest by the recurrence
    /// (scipy says 0.4489994142361437 and 0.8061834272145293; MathNet's incomplete beta at the mode would be 1.3e-10 off).
    /// </summary>
    private static readonly (double F, double Df1, double Df2, double Lambda, double Cdf, double Tolerance)[] Cdfs =
    [
        (2.5, 3, 40, 0.0, 0.9267456479820502, 1e-12),
        (2.5, 3, 40, 4.0, 0.604388952720486, 1e-12),
        (1.2, 1, 12.5, 0.3, 0.6398651758299331, 1e-12),
        (6.0, 5, 994, 30.0, 0.35729344468549706, 1e-12),
        (0.3, 2, 20, 15.0, 0.0003924028681807081, 1e-12),
        (2.0, 4, 100000, 5.0, 0.493343382676436, 1e-12),
        (60.0, 1, 998, 54.0, 0.6516313388793326, 1e-12),
        (5550.0, 9, 999990, 50000.0, 0.44899941423451251, 1e-12),
        (5600.0, 9, 999990, 50000.0, 0.8061834272138219, 1e-12),
    ];

    /// <summary>
    /// Per reference entry: the lambda bounds and eta squared bounds of the 95% interval, from Debian's /usr/bin/python3,
    /// scipy 1.10.1, with f, d1, d2 = the entry's anova f, df_between, df_within and n = d1 + d2 + 1:
    /// <code>
    /// def bound(f, d1, d2, p):
    ///     g = lambda nc: stats.ncf.cdf(f, d1, d2, nc) - p
    ///     if stats.f.cdf(f, d1, d2) &lt;= p: return 0.0
    ///     hi = 1.0
    ///     while g(hi) > 0: hi *= 2
    ///     return optimize.brentq(g, 0.0 if hi == 1.0 else hi / 2, hi, xtol=1e-13, rtol=1e-15, maxiter=500)
    /// lo, hi = bound(f, d1, d2, 0.975), bound(f, d1, d2, 0.025)   # then lo / (lo + n), hi / (hi + n)
    /// </code>
    /// </summary>
    private static readonly (string Attribute, string Subject, double LambdaLower, double LambdaUpper, double Lower, double Upper)[] Intervals =
    [
        ("gender", "math score", 11.612954792557854, 54.11151656012353, 0.01147964222634853, 0.051333768496055664),
        ("gender", "reading score", 35.59978780580785, 98.96647082407486, 0.03437600917361659, 0.0900541312692311),
        ("gender", "writing score", 63.50364263340015, 143.65040049069387, 0.059711730254308544, 0.1256069166146047),
        ("race/ethnicity", "math score", 29.334989097908032, 89.32101401196721, 0.0284989720631344, 0.08199696220216857),
        ("race/ethnicity", "reading score", 5.38724414301292, 41.47820531093489, 0.0053583772565216695, 0.03982628258509884),
        ("race/ethnicity", "writing score", 9.024589792912922, 50.15136916317918, 0.008943874989969356, 0.04775632412224789),
        ("parental level of education", "math score", 10.704500428941982, 54.41983967874996, 0.01059112769795623, 0.05161116818072207),
        ("parental level of education", "reading score", 19.96392431637958, 72.83788158436039, 0.01957316708996369, 0.06789271970597632),
        ("parental level of education", "writing score", 38.7452285919834, 105.62924061989337, 0.03730003038810822, 0.09553766917440625),
        ("lunch", "math score", 96.17381216772459, 192.15435132590605, 0.08773591477936997, 0.16118244345809188),
        ("lunch", "reading score", 29.835736024724003, 89.04312179732132, 0.028971354344230794, 0.08176271445557402),
        ("lunch", "writing score", 36.199847739547415, 99.98086986098242, 0.03493519886006234, 0.09089328060188737),
        ("test preparation course", "math score", 13.893036116995098, 58.968304608918615, 0.013702664504140014, 0.05568467380210766),
        ("test preparation course", "reading score", 34.569719801223414, 97.21751636308996, 0.033414586894989974, 0.08860368606339206),
        ("test preparation course", "writing score", 70.46340106664647, 154.23500880814353, 0.06582513796962541, 0.13362530821812946),
    ];

    [Fact]
    public void The_noncentral_f_cdf_matches_scipy_from_small_to_very_large_noncentrality()
    {
        foreach (var (f, df1, df2, lambda, cdf, tolerance) in Cdfs)
        {
            Assert.Equal(cdf, NoncentralF.Cdf(f, df1, df2, lambda), tolerance);
        }
    }

    [Fact]
    public void The_eta_squared_interval_of_every_attribute_matches_scipy_ncf_inverted()
    {
        var data = StudentsPerformanceData.Read();
        Assert.Equal(ExploreReference.Tests().Count, Intervals.Length);
        foreach (var (attribute, subject, lambdaLower, lambdaUpper, lower, upper) in Intervals)
        {
            var anova = OneWayAnova.Compute(data.Groups(attribute, subject).Groups);
            var interval = EffectSizeInterval.Compute(anova);
            var name = $"{attribute} x {subject}";

            Assert.NotNull(interval);
            ExploreReference.Close(lambdaLower, interval.NoncentralityLower, name + " lambda lower");
            ExploreReference.Close(lambdaUpper, interval.NoncentralityUpper, name + " lambda upper");
            ExploreReference.Close(lower, interval.Lower, name + " eta squared lower");
            ExploreReference.Close(upper, interval.Upper, name + " eta squared upper");
            Assert.InRange(anova!.EtaSquared, interval.Lower, interval.Upper);
        }
    }

    [Fact]
    public void A_weak_f_has_a_lower_bound_of_zero_and_a_very_weak_one_an_interval_of_zero()
    {
        // Central F(3, 40): P(F <= 2.5) = 0.9267 < 0.975, so no lambda > 0 reaches the lower bound.
        var weak = EffectSizeInterval.Compute(2.5, 3, 40, 44);
        var none = EffectSizeInterval.Compute(0.01, 3, 40, 44);

        Assert.NotNull(weak);
        Assert.Equal(0, weak.Lower);
        Assert.True(weak.Upper > 0);
        Assert.Equal(0.025, NoncentralF.Cdf(2.5, 3, 40, weak.NoncentralityUpper), 1e-9);
        Assert.Equal((0.0, 0.0), (none!.Lower, none.Upper));
        Assert.Null(EffectSizeInterval.Compute(double.PositiveInfinity, 3, 40, 44));
        Assert.Null(EffectSizeInterval.Compute(1e12, 3, 40, 44));
        Assert.Null(EffectSizeInterval.Compute(null));
    }
}
