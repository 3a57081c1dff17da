using System.Diagnostics;
using System.Globalization;
using GradeLens.Core.Areas;
using Xunit.Abstractions;

namespace GradeLens.Core.Tests.Areas;

/// <summary>
/// Prints how long the Areas statistics take on the synthetic panel (no timed assertion: speed targets live in benchmarks).
/// GRADELENS_AREAS_BENCH_AREAS sets the areas of the model comparison (default 1,000 areas = 10,000 area-years);
/// GRADELENS_AREAS_BENCH_CSV=path also writes that panel with its folds for scripts/compare/areas_sklearn.py.
/// </summary>
public sealed class AreasBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    public void Ols_fits_with_intervals_and_predictions_for_a_million_area_years_are_timed()
    {
        var clock = Stopwatch.StartNew();
        var panel = SyntheticAreas.Generate(100_000, seed: 11);
        var generated = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var fits = AreaRegression.FitAll(panel, SyntheticAreas.Measures);
        var fitted = clock.Elapsed.TotalSeconds;
        var fittedCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;

        clock.Restart();
        var x = panel.Features(SyntheticAreas.Measures);
        var flagged = 0;
        for (var i = 0; i < panel.Rows; i += SyntheticAreas.Years)
        {
            foreach (var fit in fits)
            {
                flagged += fit.Model!.Predict(x.Row(i)).Extrapolated ? 1 : 0;
            }
        }

        var predicted = clock.Elapsed.TotalSeconds;
        output.WriteLine(Text($"generate 100,000 areas x 10 years: {generated:F2} s; four OLS fits with intervals and leverages on {panel.Rows:N0} rows: {fitted:F3} s ({fittedCpu:F3} s of CPU)"));
        output.WriteLine(Text($"4 x 100,000 predictions with intervals: {predicted:F3} s ({Environment.ProcessorCount} cores)"));
        Assert.All(fits, f => Assert.Equal(1_000_000, f.Model!.N));
        Assert.All(fits, f => Assert.InRange(f.Model!.RSquared, 0.2, 0.8));
        Assert.Equal(0, flagged);
    }

    [Fact]
    public void The_grouped_cross_validated_comparison_is_timed()
    {
        var areas = int.TryParse(Environment.GetEnvironmentVariable("GRADELENS_AREAS_BENCH_AREAS"), CultureInfo.InvariantCulture, out var n) ? n : 1_000;
        var panel = SyntheticAreas.Generate(areas, seed: 11);
        var options = new AreaComparisonOptions();
        if (Environment.GetEnvironmentVariable("GRADELENS_AREAS_BENCH_CSV") is { Length: > 0 } path)
        {
            AreaCsvWriter.Write(panel, path, AreaModelComparison.Plan(panel, options), AreaModelComparison.RandomTestRows(panel.Rows, options.RandomTestShare, options.Seed));
        }

        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var comparison = AreaModelComparison.Compare(panel, SyntheticAreas.Measures, options: options);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;

        output.WriteLine(Text($"comparison of 4 models x 3 validations x 4 scores on {panel.Rows:N0} area-years: {seconds:F1} s ({cpuSeconds:F1} s of CPU)"));
        foreach (var model in comparison.Scores.SelectMany(s => s.Results).GroupBy(r => (r.Model, r.Validation)))
        {
            output.WriteLine(Text($"  {model.Key.Model,-14} {model.Key.Validation,-14} {model.Sum(r => r.Seconds),6:F2} s  mean R² {model.Average(r => r.RSquared ?? double.NaN):F3}"));
        }

        output.WriteLine(comparison.Choice.Reason);
        Assert.Equal(4, comparison.Scores.Count);
        Assert.All(comparison.Scores, s => Assert.Equal(12, s.Results.Count));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
