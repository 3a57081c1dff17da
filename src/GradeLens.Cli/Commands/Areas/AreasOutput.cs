using System.Globalization;
using System.Text;
using GradeLens.Core.Areas;
using GradeLens.Core.Exports;

namespace GradeLens.Cli.Commands.Areas;

/// <summary>The areas commands' answers as aligned text and as CSV (JSON is the records themselves).</summary>
public static class AreasOutput
{
    public static AreasAnswer Correlations(IReadOnlyList<AreaCorrelation> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        string[] header = ["measure", "score", "n", "r", "ci_lower", "ci_upper", "p", "q", "rho", "rho_p", "reason"];
        var rows = cells.Select(c => new[] { c.Measure, c.Score, N(c.N), F(c.R, 3), F(c.Lower, 3), F(c.Upper, 3), P(c.P), P(c.Q), F(c.Rho, 3), P(c.RhoP), c.Reason ?? "" }).ToList();
        return new AreasAnswer(cells, () => Table(header, rows), () => Csv(header, cells.Select(c => new[]
        {
            CsvText.Text(c.Measure), CsvText.Text(c.Score), CsvText.Number(c.N), CsvText.Number(c.R), CsvText.Number(c.Lower), CsvText.Number(c.Upper),
            CsvText.Number(c.P), CsvText.Number(c.Q), CsvText.Number(c.Rho), CsvText.Number(c.RhoP), CsvText.Text(c.Reason),
        })), cells.Count == 0 ? "No area has an average score with a measure yet." : $"{cells.Count} correlations; q by Benjamini-Hochberg across the table.");
    }

    public static AreasAnswer Models(AreaComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        string[] header = ["score", "model", "validation", "optimistic", "r2", "r2_se", "rmse", "mae", "train_rows", "test_rows", "settings"];
        var results = comparison.Scores.SelectMany(s => s.Results.Select(r => (s.Score, r))).ToList();
        var rows = results.Select(x => new[]
        {
            x.Score, x.r.Model, x.r.Validation.ToString(), x.r.Optimistic ? "yes" : "", F(x.r.RSquared, 3), F(x.r.RSquaredStandardError, 3), F(x.r.Rmse, 2),
            F(x.r.Mae, 2), N(x.r.TrainRows), N(x.r.TestRows), x.r.Reason ?? x.r.Settings,
        }).ToList();
        return new AreasAnswer(comparison, () => Table(header, rows) + $"\nChosen: {comparison.Choice.Reason}\n", () => Csv(header, results.Select(x => new[]
        {
            CsvText.Text(x.Score), CsvText.Text(x.r.Model), CsvText.Text(x.r.Validation.ToString()), CsvText.Flag(x.r.Optimistic), CsvText.Number(x.r.RSquared),
            CsvText.Number(x.r.RSquaredStandardError), CsvText.Number(x.r.Rmse), CsvText.Number(x.r.Mae), CsvText.Number(x.r.TrainRows), CsvText.Number(x.r.TestRows),
            CsvText.Text(x.r.Reason ?? x.r.Settings),
        })), "Chosen: " + comparison.Choice.Reason + " The random split's figure is optimistic: an area's other years are in its training rows.");
    }

    public static AreasAnswer Residuals(IReadOnlyList<BeatingTheOddsResult> results, int? year)
    {
        ArgumentNullException.ThrowIfNull(results);
        string[] header = ["score", "area", "year", "actual", "predicted", "pi_lower", "pi_upper", "residual", "verdict", "persistence"];
        var rows = results.SelectMany(r => (r.AreaYears ?? []).Where(a => year is null || a.Year == year).Select(a => (r.Score, Row: a,
            Persistence: r.Areas?.FirstOrDefault(p => p.Area == a.Area)?.Verdict ?? Expectation.Within))).ToList();
        var refused = results.Where(r => r.Reason is not null).Select(r => r.Reason);
        var persistent = results.SelectMany(r => (r.Areas ?? []).Where(a => a.Verdict != Expectation.Within).Select(a => $"{a.Area} {a.Verdict.ToString().ToLowerInvariant()} in {r.Score} ({(a.Verdict == Expectation.Above ? a.Above : a.Below)} of {a.Years} years)"));
        var note = string.Join(" ", refused.Append("Persistently above or below expectation: " + (persistent.Any() ? string.Join("; ", persistent) : "none") + "."));
        return new AreasAnswer(results, () => Table(header, rows.Select(x => new[]
        {
            x.Score, x.Row.Area, N(x.Row.Year), F(x.Row.Actual, 1), F(x.Row.Predicted, 1), F(x.Row.Lower, 1), F(x.Row.Upper, 1), F(x.Row.Residual, 1),
            x.Row.Verdict.ToString(), x.Persistence.ToString(),
        })), () => Csv(header, rows.Select(x => new[]
        {
            CsvText.Text(x.Score), CsvText.Text(x.Row.Area), CsvText.Number(x.Row.Year), CsvText.Number(x.Row.Actual), CsvText.Number(x.Row.Predicted),
            CsvText.Number(x.Row.Lower), CsvText.Number(x.Row.Upper), CsvText.Number(x.Row.Residual), CsvText.Text(x.Row.Verdict.ToString()), CsvText.Text(x.Persistence.ToString()),
        })), note);
    }

    /// <summary>Predictions with their intervals and flags; the CSV carries the model's version and the standing note on every row.</summary>
    public static AreasAnswer Predictions(object value, string title, IReadOnlyList<AreaPrediction> predictions, AreaModelVersion version, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(notes);
        string[] header = ["score", "predicted", "pi_lower", "pi_upper", "mean_lower", "mean_upper", "leverage", "extrapolated"];
        var rows = predictions.Select(p => new[] { p.Score, F(p.Predicted, 1), F(p.PredictionLower, 1), F(p.PredictionUpper, 1), F(p.MeanLower, 1), F(p.MeanUpper, 1), F(p.Leverage, 4), p.Extrapolated ? "yes" : "" });
        var reasons = predictions.SelectMany(p => p.ExtrapolationReasons).Distinct().ToList();
        var versionText = Text($"{version.Model} fitted on data version {version.DataVersion} at {version.FittedAt:u}.");
        var text = new StringBuilder(title).Append('\n').Append(Table(header, rows));
        foreach (var line in reasons.Select(r => "Extrapolation: " + r).Append(versionText).Concat(notes))
        {
            text.Append(line).Append('\n');
        }

        var note = string.Join(" ", notes);
        // The standing note is in every format's output (text lines, the CSV's note column, the JSON's notes); stderr says what was predicted.
        return new AreasAnswer(value, () => text.ToString(), () => Csv([.. header, "reasons", "model", "data_version", "fitted_at", "note"], predictions.Select(p => new[]
        {
            CsvText.Text(p.Score), CsvText.Number(p.Predicted), CsvText.Number(p.PredictionLower), CsvText.Number(p.PredictionUpper), CsvText.Number(p.MeanLower),
            CsvText.Number(p.MeanUpper), CsvText.Number(p.Leverage), CsvText.Flag(p.Extrapolated), CsvText.Text(string.Join(" ", p.ExtrapolationReasons)),
            CsvText.Text(version.Model), CsvText.Text(version.DataVersion), CsvText.Text(version.FittedAt.ToString("O", CultureInfo.InvariantCulture)), CsvText.Text(note),
        })), title.EndsWith('.') ? title : title + ".");
    }

    /// <summary>Columns padded to their widest cell, numbers right-aligned.</summary>
    private static string Table(string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((column, j) => all.Max(r => r[j].Length)).ToArray();
        var numeric = header.Select((column, j) => all.Skip(1).All(r => r[j].Length == 0 || double.TryParse(r[j], NumberStyles.Float, CultureInfo.InvariantCulture, out _))).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            text.Append(string.Join("  ", row.Select((cell, j) => numeric[j] ? cell.PadLeft(widths[j]) : cell.PadRight(widths[j]))).TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    private static string Csv(string[] header, IEnumerable<string[]> rows)
    {
        var csv = new CsvText(header);
        foreach (var row in rows)
        {
            csv.Row(row);
        }

        return csv.ToString();
    }

    private static string F(double? value, int digits) => value is { } v ? Math.Round(v, digits, MidpointRounding.AwayFromZero).ToString("0." + new string('#', digits), CultureInfo.InvariantCulture) : "";

    private static string P(double? p) => p switch { null => "", < 0.001 => "< 0.001", { } v => F(v, 3) };

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
