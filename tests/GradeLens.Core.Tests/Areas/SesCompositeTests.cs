using GradeLens.Core.Areas;

namespace GradeLens.Core.Tests.Areas;

public sealed class SesCompositeTests
{
    /// <summary>scikit-learn 1.2.1: PCA(n_components=1).fit(StandardScaler().fit_transform(X)) on the 459 state-years, sign set by poverty.</summary>
    [Fact]
    public void Ses_composite_is_the_first_principal_component_of_the_standardised_measures_as_scikit_learn()
    {
        var panel = NaepTestData.Panel();

        var composite = SesComposite.Fit(panel, AreaNames.StudyMeasures)!;

        Assert.Equal(459, composite.N);
        Assert.Equal(0.6282053924286303, composite.ExplainedShare, 1e-9);
        double[] weights = [0.6393865001010818, -0.5721343809640969, 0.5136605431676832];
        Assert.All(weights.Zip(composite.Loadings), p => Assert.Equal(p.First, p.Second.Weight, 1e-9));
        Assert.All(composite.Loadings, l => Assert.Equal(l.Weight * Math.Sqrt(composite.Eigenvalue), l.Loading, 1e-12));
        var alabama2019 = panel.Areas.Select((a, i) => (a, i)).Single(t => t.a == "Alabama" && panel.Years[t.i] == 2019).i;
        Assert.Equal(-0.1771096918714402, composite.Of(panel)[alabama2019], 1e-9);
    }

    [Fact]
    public void Ses_composite_can_be_regressed_on_as_a_measure_and_goes_with_lower_scores()
    {
        var panel = NaepTestData.Panel();
        var composite = SesComposite.Fit(panel, AreaNames.StudyMeasures)!;

        var withComposite = panel.WithMeasure(composite.Name, composite.Of(panel));
        var model = AreaRegression.Fit(withComposite, "Reading grade 8", [composite.Name]).Model!;

        Assert.True(model.Coefficients[1].Estimate < 0);
        Assert.True(model.Coefficients[1].P < 1e-10);
        var alabama2019 = new Dictionary<string, double> { [AreaNames.Poverty] = 15.6, [AreaNames.MedianIncome] = 51771, [AreaNames.Unemployment] = 3 };
        Assert.Equal(-0.1771096918714402, composite.Of(alabama2019), 1e-9);
    }
}
