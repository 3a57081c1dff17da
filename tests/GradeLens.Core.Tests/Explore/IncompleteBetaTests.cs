using GradeLens.Core.Explore;

namespace GradeLens.Core.Tests.Explore;

public sealed class IncompleteBetaTests
{
    /// <summary>
    /// (a, b, x, I_x(a, b)) from Debian's /usr/bin/python3, mpmath 1.2.1 at 40 digits:
    /// <c>mpmath.betainc(a, b, 0, x, regularized=True)</c>. scipy 1.10.1's special.betainc agrees to 1e-15 except on the
    /// last (0.3841270830780762, 1.4e-11 off: the cancellation in ln B(a, b) for a large b).
    /// </summary>
    private static readonly (double A, double B, double X, double Expected)[] Values =
    [
        (2.5, 20.0, 0.1, 0.50238006699004418),
        (0.5, 0.5, 0.3, 0.36901011956554538),
        (1.0, 3.0, 0.9, 0.999),
        (30.0, 2.0, 0.97, 0.76191343023199952),
        (6.0, 50000.0, 0.0001, 0.38412708309188013),
    ];

    [Fact]
    public void The_regularised_incomplete_beta_matches_mpmath_to_1e_13_for_small_and_large_arguments()
    {
        foreach (var (a, b, x, expected) in Values)
        {
            Assert.Equal(expected, IncompleteBeta.Regularized(a, b, x), 1e-13);
        }
    }

    [Fact]
    public void One_step_of_the_recurrence_is_the_difference_of_neighbouring_incomplete_betas()
    {
        Assert.Equal(IncompleteBeta.Regularized(2.5, 20, 0.1) - IncompleteBeta.Regularized(3.5, 20, 0.1), IncompleteBeta.Step(2.5, 20, 0.1), 1e-14);
        Assert.Equal(0, IncompleteBeta.Regularized(2, 3, 0));
        Assert.Equal(1, IncompleteBeta.Regularized(2, 3, 1));
    }
}
