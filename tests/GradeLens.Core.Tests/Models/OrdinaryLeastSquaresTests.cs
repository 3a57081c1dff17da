using GradeLens.Core.Models;

namespace GradeLens.Core.Tests.Models;

/// <summary>Against reference.json "exams"."ols" (statsmodels OLS on one-hot attributes, alphabetically first level dropped).</summary>
public sealed class OrdinaryLeastSquaresTests
{
    private const double Tolerance = 1e-6;

    private static readonly string[] Attributes = ["gender", "race/ethnicity", "parental level of education", "lunch", "test preparation course"];

    public static TheoryData<string> Subjects() => ["math score", "reading score", "writing score"];

    [Theory]
    [MemberData(nameof(Subjects))]
    public void Coefficients_standard_errors_p_values_and_r2_match_statsmodels_on_students_performance(string subject)
    {
        using var reference = SharedFiles.Reference();
        var expected = reference.RootElement.GetProperty("exams").GetProperty("ols").GetProperty(subject);
        var rows = ModelTestData.Read("students-performance/StudentsPerformance.csv", ',');
        var encoding = OneHotEncoding.Learn(Attributes, rows.Select(r => (IReadOnlyList<string>)Attributes.Select(a => r[a]).ToArray()).ToList());
        var x = encoding.Encode(rows.Select(r => (IReadOnlyList<string>)Attributes.Select(a => r[a]).ToArray()).ToList());

        var fit = OrdinaryLeastSquares.Fit(x, rows.Select(r => r.Number(subject)).ToArray());

        Assert.Equal(expected.GetProperty("n").GetInt32(), fit.N);
        Assert.Equal(expected.GetProperty("r2").GetDouble(), fit.RSquared, Tolerance);
        Assert.Equal(expected.GetProperty("adj_r2").GetDouble(), fit.AdjustedRSquared, Tolerance);
        var coefficients = expected.GetProperty("coefficients");
        Assert.Equal(coefficients.EnumerateObject().Select(p => p.Name), fit.Coefficients.Select(c => c.Name));
        foreach (var c in fit.Coefficients)
        {
            var want = coefficients.GetProperty(c.Name);
            Assert.Equal(want.GetProperty("coef").GetDouble(), c.Estimate, Tolerance);
            Assert.Equal(want.GetProperty("se").GetDouble(), c.StandardError, Tolerance);
            // p-values reach 1e-212: relative agreement to 1e-6.
            Assert.Equal(1.0, c.P / want.GetProperty("p").GetDouble(), Tolerance);
        }
    }
}
