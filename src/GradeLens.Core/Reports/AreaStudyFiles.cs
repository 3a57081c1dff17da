using GradeLens.Core.Areas;
using GradeLens.Core.Exports;

namespace GradeLens.Core.Reports;

/// <summary>The areas study's CSV tables, each from one Areas entry point's answer (<see cref="AreaReads"/>, <see cref="AreaPredictionReads"/>).</summary>
public static class AreaStudyFiles
{
    public static IReadOnlyList<string> CorrelationHeader { get; } = ["measure", "score", "n", "r", "r_lower", "r_upper", "p", "q", "rho", "rho_p", "reason"];

    public static IReadOnlyList<string> FitHeader { get; } =
        ["score", "term", "estimate", "standard_error", "t", "p", "lower", "upper", "n", "df", "r_squared", "adjusted_r_squared", "residual_standard_error", "reason"];

    public static IReadOnlyList<string> ComparisonHeader { get; } =
        ["score", "model", "validation", "optimistic", "r_squared", "r_squared_standard_error", "rmse", "mae", "train_rows", "test_rows", "settings", "chosen", "choice_reason", "reason"];

    public static IReadOnlyList<string> ResidualHeader { get; } =
        ["score", "area", "parent", "year", "actual", "predicted", "prediction_lower", "prediction_upper", "residual", "verdict"];

    public static IReadOnlyList<string> PersistenceHeader { get; } =
        ["score", "area", "parent", "years", "above", "below", "within", "mean_residual", "verdict"];

    /// <summary>The county file's columns before the model's measures (one column each, in the model's order) and after them.</summary>
    public static IReadOnlyList<string> CountyHeaderStart { get; } = ["county", "state", "code", "year"];

    public static IReadOnlyList<string> CountyHeaderEnd { get; } =
        ["score", "predicted", "prediction_lower", "prediction_upper", "mean_lower", "mean_upper", "leverage", "extrapolated", "extrapolation_reasons"];

    public static ReportTable Correlations(IReadOnlyList<AreaCorrelation> correlations)
    {
        ArgumentNullException.ThrowIfNull(correlations);
        var csv = new ReportTable(CorrelationHeader);
        foreach (var c in correlations)
        {
            csv.Row([
                CsvText.Text(c.Measure), CsvText.Text(c.Score), CsvText.Number(c.N), CsvText.Number(c.R), CsvText.Number(c.Lower), CsvText.Number(c.Upper),
                CsvText.Number(c.P), CsvText.Number(c.Q), CsvText.Number(c.Rho), CsvText.Number(c.RhoP), CsvText.Text(c.Reason),
            ]);
        }

        return csv;
    }

    /// <summary>A row per coefficient of every score's fit (the fit's figures on each); a score that could not be fitted, one row with its reason.</summary>
    public static ReportTable Fits(AreaFitSet fits)
    {
        ArgumentNullException.ThrowIfNull(fits);
        var csv = new ReportTable(FitHeader);
        foreach (var fit in fits.Fits)
        {
            if (fit.Model is not { } model)
            {
                csv.Row([CsvText.Text(fit.Score), "", "", "", "", "", "", "", CsvText.Number(fit.N), "", "", "", "", CsvText.Text(fit.Reason)]);
                continue;
            }

            foreach (var b in model.Coefficients)
            {
                csv.Row([
                    CsvText.Text(fit.Score), CsvText.Text(b.Name), CsvText.Number(b.Estimate), CsvText.Number(b.StandardError), CsvText.Number(b.T), CsvText.Number(b.P),
                    CsvText.Number(b.Lower), CsvText.Number(b.Upper), CsvText.Number(model.N), CsvText.Number(model.DegreesOfFreedom), CsvText.Number(model.RSquared),
                    CsvText.Number(model.AdjustedRSquared), CsvText.Number(model.ResidualStandardError), "",
                ]);
            }
        }

        return csv;
    }

    /// <summary>Every model scored every way for every score; <c>chosen</c> marks the score's choice, with its reason.</summary>
    public static ReportTable Comparison(AreaComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var csv = new ReportTable(ComparisonHeader);
        foreach (var score in comparison.Scores)
        {
            foreach (var r in score.Results)
            {
                var chosen = string.Equals(r.Model, score.Choice.Model, StringComparison.Ordinal);
                csv.Row([
                    CsvText.Text(score.Score), CsvText.Text(r.Model), CsvText.Text(Quality.QualityReportFiles.Snake(r.Validation.ToString())), CsvText.Flag(r.Optimistic),
                    CsvText.Number(r.RSquared), CsvText.Number(r.RSquaredStandardError), CsvText.Number(r.Rmse), CsvText.Number(r.Mae), CsvText.Number(r.TrainRows),
                    CsvText.Number(r.TestRows), CsvText.Text(r.Settings), CsvText.Flag(chosen), chosen ? CsvText.Text(score.Choice.Reason) : "", CsvText.Text(r.Reason),
                ]);
            }
        }

        return csv;
    }

    public static ReportTable Residuals(IReadOnlyList<BeatingTheOddsResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var csv = new ReportTable(ResidualHeader);
        foreach (var result in results)
        {
            foreach (var r in result.AreaYears ?? [])
            {
                csv.Row([
                    CsvText.Text(result.Score), CsvText.Text(r.Area), CsvText.Text(r.ParentArea), CsvText.Number(r.Year), CsvText.Number(r.Actual), CsvText.Number(r.Predicted),
                    CsvText.Number(r.Lower), CsvText.Number(r.Upper), CsvText.Number(r.Residual), CsvText.Text(Verdict(r.Verdict)),
                ]);
            }
        }

        return csv;
    }

    public static ReportTable Persistence(IReadOnlyList<BeatingTheOddsResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var csv = new ReportTable(PersistenceHeader);
        foreach (var result in results)
        {
            foreach (var a in result.Areas ?? [])
            {
                csv.Row([
                    CsvText.Text(result.Score), CsvText.Text(a.Area), CsvText.Text(a.ParentArea), CsvText.Number(a.Years), CsvText.Number(a.Above), CsvText.Number(a.Below),
                    CsvText.Number(a.Within), CsvText.Number(a.MeanResidual), CsvText.Text(Verdict(a.Verdict)),
                ]);
            }
        }

        return csv;
    }

    /// <summary>A row per county and score: its figures, the prediction with its 95% prediction interval, the leverage and the extrapolation flag.</summary>
    public static ReportTable Counties(SubAreaPredictions counties)
    {
        ArgumentNullException.ThrowIfNull(counties);
        var csv = new ReportTable([.. CountyHeaderStart, .. counties.Measures, .. CountyHeaderEnd]);
        foreach (var county in counties.Areas)
        {
            var start = new List<string> { CsvText.Text(county.Area), CsvText.Text(county.ParentArea), CsvText.Text(county.Code), CsvText.Number(county.Year) };
            start.AddRange(counties.Measures.Select(m => county.Measures.TryGetValue(m, out var v) ? CsvText.Number(v) : ""));
            foreach (var p in county.Predictions)
            {
                csv.Row([
                    .. start, CsvText.Text(p.Score), CsvText.Number(p.Predicted), CsvText.Number(p.PredictionLower), CsvText.Number(p.PredictionUpper),
                    CsvText.Number(p.MeanLower), CsvText.Number(p.MeanUpper), CsvText.Number(p.Leverage), CsvText.Flag(p.Extrapolated),
                    CsvText.Text(string.Join(" ", p.ExtrapolationReasons)),
                ]);
            }
        }

        return csv;
    }

    private static string Verdict(Expectation verdict) => verdict switch
    {
        Expectation.Above => "above",
        Expectation.Below => "below",
        _ => "within",
    };
}
