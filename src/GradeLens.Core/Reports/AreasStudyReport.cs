using GradeLens.Core.Areas;

namespace GradeLens.Core.Reports;

/// <summary>
/// The areas study: how far poverty, income and unemployment go with an area's scores, what a county with given
/// figures would score and which areas beat the odds. From the Areas page's entry points (<see cref="AreaReads"/>,
/// <see cref="AreaPredictionReads"/>) on the study's measures and scores: area_correlations.csv, area_ols_fits.csv,
/// area_model_comparison.csv (grouped by area, forward in time, and the optimistic random split), beating_the_odds.csv
/// and beating_the_odds_areas.csv, county_predictions.csv (95% prediction intervals, leverage, extrapolation flags, and
/// the standing note in its method line and in the index), a scatter of poverty against each score with the OLS line,
/// and the correlation heatmap. Areas are aggregates: every audience gets the same files, within its scope.
/// </summary>
public sealed class AreasStudyReport : IStudyReport
{
    public string Name => "areas";

    public string Title => "Areas: attainment against poverty, income and unemployment";

    public async Task<string?> WriteAsync(ReportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = context.Store;
        var scope = context.Scope;
        var overview = await store.GetAreaOverviewAsync(scope, cancellationToken);
        if (overview.AreaYears == 0 || overview.Scores.Count == 0 || overview.Measures.Count == 0)
        {
            return "No scored areas with figures in scope: the Areas report needs area scores and measures such as poverty, median income and unemployment (NAEP's files, or the demo).";
        }

        var files = context.Files;
        context.Report("correlations", 0.05);
        var correlations = await store.GetAreaCorrelationsAsync(scope, cancellationToken: cancellationToken);
        await files.WriteCsvAsync("area_correlations", "Every measure against every score",
            "Pearson r with its 95% Fisher-z interval and p, Spearman's rho with its p, n area-years with both; q: Benjamini-Hochberg across the table.",
            AreaStudyFiles.Correlations(correlations), cancellationToken);

        context.Report("OLS fits", 0.15);
        var fits = await store.GetAreaFitsAsync(scope, cancellationToken: cancellationToken);
        await files.WriteCsvAsync("area_ols_fits", "OLS of each score on the study's measures",
            $"Ordinary least squares on {string.Join(", ", fits.Measures)} over every scored area-year; coefficients with SE, t, two-sided p and 95% interval; R², adjusted R², residual SE and n per score.",
            AreaStudyFiles.Fits(fits), cancellationToken);

        context.Report("comparing models (cross-validation)", 0.25);
        var comparison = await store.GetAreaComparisonAsync(scope, cancellationToken: cancellationToken);
        await files.WriteCsvAsync("area_model_comparison", "The models compared, each validated three ways",
            $"R², RMSE and MAE of OLS, ridge, random forest and boosted trees: cross-validation grouped by area (every year of an area in one fold), forward in time, and a random 75/25 split (optimistic: the same area's other years are in training). Seed {comparison.Seed}. The page's model: {comparison.Choice.Model} ({comparison.Choice.Reason})",
            AreaStudyFiles.Comparison(comparison), cancellationToken);

        context.Report("beating the odds", 0.7);
        var residuals = new List<BeatingTheOddsResult>();
        foreach (var score in overview.ModelScores)
        {
            var result = await store.GetBeatingTheOddsAsync(scope, score, cancellationToken: cancellationToken);
            residuals.Add(result);
            if (result.Reason is { } reason)
            {
                files.Note($"Beating the odds for {score}: {reason}");
            }
        }

        var method = residuals.Select(r => r.Method).FirstOrDefault(m => m.Length > 0) ?? "";
        await files.WriteCsvAsync("beating_the_odds", "Each area-year's actual score against its prediction",
            $"{method}; above or below only outside the interval, else within.", AreaStudyFiles.Residuals(residuals), cancellationToken);
        await files.WriteCsvAsync("beating_the_odds_areas", "Each area's years above, within and below expectation",
            "Above or below only when outside the interval on that side in at least two years and in more than half of them (one good year is noise); areas by mean residual.",
            AreaStudyFiles.Persistence(residuals), cancellationToken);

        context.Report("county predictions", 0.8);
        var counties = await store.GetSubAreaPredictionsAsync(scope, cancellationToken: cancellationToken);
        if (counties.Reason is { } none)
        {
            files.Note($"county_predictions.csv is not written: {none}");
        }
        else
        {
            await files.WriteCsvAsync("county_predictions", "Every county's predicted scores with 95% prediction intervals",
                $"The OLS fits above applied to each county's latest figures; 95% prediction interval of one area (mean_lower/mean_upper: of the mean), leverage, extrapolated when a figure is outside the training range or the leverage above the largest training leverage. {string.Join(" ", counties.Notes)}",
                AreaStudyFiles.Counties(counties), cancellationToken);
            files.Note(AreaNotes.StateModelElsewhere);
            if (counties.Missing.Count > 0)
            {
                files.Note($"{counties.Missing.Count} counties lack a figure the model needs and are not predicted (for example: {counties.Missing[0]})");
            }
        }

        context.Report("drawing the figures", 0.9);
        var measure = overview.ModelMeasures.Contains(AreaNames.Poverty) ? AreaNames.Poverty : overview.ModelMeasures[0];
        foreach (var score in overview.ModelScores)
        {
            var scatter = await store.GetAreaScatterAsync(scope, measure, score, null, cancellationToken);
            if (AreaReportFigures.Scatter(scatter) is { } figure)
            {
                await files.WriteFigureAsync(ReportFileName.Of("scatter", measure, score), figure, cancellationToken);
            }
            else
            {
                files.Note($"The scatter of {measure} against {score} is not drawn: {scatter.Reason}");
            }
        }

        if (AreaReportFigures.Correlations(correlations) is { } heatmap)
        {
            await files.WriteFigureAsync("correlation_heatmap", heatmap, cancellationToken);
        }

        return null;
    }
}
