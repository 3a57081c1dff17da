using GradeLens.Core.Areas;

namespace GradeLens.Core.Tests.Areas;

public sealed class AreaModelChooserTests
{
    [Fact]
    public void A_lead_over_ols_within_twice_the_standard_error_of_the_fold_differences_keeps_ols()
    {
        var choice = AreaModelChooser.Choose(
        [
            ("OLS", [0.20, 0.30, 0.10, 0.25, 0.15]),
            ("Random forest", [0.26, 0.28, 0.12, 0.31, 0.13]),
        ]);

        Assert.Equal("OLS", choice.Model);
        Assert.StartsWith("OLS: Random forest's grouped-by-area cross-validated R² (0.220) is within noise of OLS's (0.200", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_steady_lead_over_ols_chooses_the_better_model_and_says_it_has_no_exact_interval()
    {
        var choice = AreaModelChooser.Choose(
        [
            ("OLS", [0.20, 0.30, 0.10, 0.25, 0.15]),
            ("Boosted trees", [0.30, 0.41, 0.19, 0.36, 0.24]),
            ("Ridge", [0.21, 0.30, 0.10, 0.25, 0.15]),
        ]);

        Assert.Equal("Boosted trees", choice.Model);
        Assert.Contains("beats OLS's (0.200) by 0.100", choice.Reason, StringComparison.Ordinal);
        Assert.Contains("no exact interval", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ols_with_the_best_figure_is_chosen_for_it_and_its_intervals()
    {
        var choice = AreaModelChooser.Choose([("Ridge", [0.1, 0.2]), ("OLS", [0.2, 0.2])]);

        Assert.Equal(new AreaModelChoice("OLS", "OLS: it has the best grouped-by-area cross-validated R² (0.200), and it alone gives exact prediction intervals."), choice);
    }
}
