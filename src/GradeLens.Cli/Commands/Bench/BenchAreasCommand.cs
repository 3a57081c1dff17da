using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GradeLens.Core.Areas;
using Spectre.Console;

namespace GradeLens.Cli.Commands.Bench;

/// <summary>
/// <c>gradelens bench areas</c>: on a synthetic panel of N areas x 10 years (5 measures, 4 scores), the OLS fits with
/// intervals, predictions with intervals for N sub-areas, the grouped-CV comparison of the four models (on its own
/// number of areas, written with its folds for scripts/compare/areas_sklearn.py), and the predict API's latencies under
/// concurrent clients. Ends with one JSON line.
/// </summary>
public static class BenchAreasCommand
{
    public static Command Create()
    {
        var areas = new Option<int>("--areas") { Description = "Areas to generate (x 10 years = area-years) for the OLS fits and the sub-area predictions.", DefaultValueFactory = _ => 100_000 };
        var compare = new Option<int?>("--compare-areas") { Description = "Areas of the model comparison (default: --areas, at most 1,000: ML.NET's trees on every fold take minutes beyond).", HelpName = "N" };
        var csv = new Option<string?>("--csv") { Description = "Write the comparison's panel with its folds and random split here, for scripts/compare/areas_sklearn.py.", HelpName = "PATH" };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients of the predict API.", DefaultValueFactory = _ => 20 };
        var seconds = new Option<int>("--seconds") { Description = "How long the clients run (0: no API measurement).", DefaultValueFactory = _ => 20 };
        var apiAreas = new Option<int>("--api-areas") { Description = "Areas imported into the API's store (x 10 years).", DefaultValueFactory = _ => 1_000 };
        var command = new Command("areas", "Time the Areas statistics on N synthetic areas x 10 years: OLS with intervals, N sub-area predictions, the grouped-CV model comparison, and the predict API under concurrent clients.")
        {
            areas, compare, csv, clients, seconds, apiAreas,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(areas);
            var compared = parse.GetValue(compare) ?? Math.Min(count, 1_000);
            if (count < 10 || compared < 10 || parse.GetValue(clients) <= 0 || parse.GetValue(seconds) < 0 || parse.GetValue(apiAreas) < 10)
            {
                await Console.Error.WriteLineAsync("gradelens: --areas, --compare-areas and --api-areas must be at least 10, --clients positive and --seconds not negative.");
                return ExitCodes.Usage;
            }

            var figures = new Dictionary<string, object> { ["areas"] = count, ["area_years"] = count * SyntheticAreas.Years, ["load_average"] = LoadAverage() };
            Statistics(count, figures);
            Comparison(compared, parse.GetValue(csv), figures);
            if (parse.GetValue(seconds) > 0)
            {
                var load = await PredictLoad.MeasureAsync(parse.GetValue(apiAreas), parse.GetValue(clients), TimeSpan.FromSeconds(parse.GetValue(seconds)), cancellationToken);
                foreach (var (name, value) in load)
                {
                    figures[name] = value;
                }
            }

            figures["peak_mb"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1e6);
            Console.WriteLine(JsonSerializer.Serialize(figures));
            return figures.GetValueOrDefault("api_errors") is int and > 0 ? ExitCodes.BadInput : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The four OLS fits with coefficient intervals and leverages, then 4 x N predictions with intervals and flags.</summary>
    private static void Statistics(int count, Dictionary<string, object> figures)
    {
        AnsiConsole.WriteLine($"Generating {count:N0} areas x {SyntheticAreas.Years} years ...");
        var panel = SyntheticAreas.Generate(count, seed: 11);
        var subAreas = SyntheticAreas.Generate(count, seed: 12);
        var (fits, olsSeconds, olsCpu) = Timed(() => AreaRegression.FitAll(panel, SyntheticAreas.Measures));
        var models = fits.Select(f => f.Model ?? throw new InvalidOperationException($"{f.Score}: {f.Reason}")).ToArray();
        var x = subAreas.Features(SyntheticAreas.Measures);
        var ((flagged, widest), predictSeconds, predictCpu) = Timed(() =>
        {
            var extrapolated = 0;
            var width = 0.0;
            for (var i = SyntheticAreas.Years - 1; i < subAreas.Rows; i += SyntheticAreas.Years)
            {
                foreach (var model in models)
                {
                    var prediction = model.Predict(x.Row(i));
                    extrapolated += prediction.Extrapolated ? 1 : 0;
                    width = Math.Max(width, prediction.PredictionUpper - prediction.PredictionLower);
                }
            }

            return (extrapolated, width);
        });
        figures["ols_seconds"] = Math.Round(olsSeconds, 3);
        figures["ols_cpu_seconds"] = Math.Round(olsCpu, 3);
        figures["ols_r2"] = models.Select(m => Math.Round(m.RSquared, 4)).ToArray();
        figures["predictions"] = count * models.Length;
        figures["predict_seconds"] = Math.Round(predictSeconds, 3);
        figures["predict_cpu_seconds"] = Math.Round(predictCpu, 3);
        figures["predictions_extrapolated"] = flagged;
        figures["widest_prediction_interval"] = Math.Round(widest, 2);
        AnsiConsole.WriteLine(Text($"OLS with intervals, 4 scores on {panel.Rows:N0} area-years: {olsSeconds:0.000} s ({olsCpu:0.000} s CPU); {count * models.Length:N0} sub-area predictions with intervals: {predictSeconds:0.000} s, {flagged:N0} flagged."));
    }

    /// <summary>OLS, ridge (inner grouped CV), random forest and boosted trees, by grouped CV, forward in time and the random split.</summary>
    private static void Comparison(int count, string? csv, Dictionary<string, object> figures)
    {
        var panel = SyntheticAreas.Generate(count, seed: 11);
        var options = new AreaComparisonOptions();
        if (csv is not null)
        {
            AreaCsvWriter.Write(panel, csv, AreaModelComparison.Plan(panel, options), AreaModelComparison.RandomTestRows(panel.Rows, options.RandomTestShare, options.Seed));
            AnsiConsole.WriteLine($"Wrote the comparison's panel with its folds to {csv}: /usr/bin/python3 scripts/compare/areas_sklearn.py {csv}");
        }

        AnsiConsole.WriteLine($"Comparing 4 models x 3 validations x 4 scores on {panel.Rows:N0} area-years ...");
        var (comparison, compareSeconds, compareCpu) = Timed(() => AreaModelComparison.Compare(panel, SyntheticAreas.Measures, options: options));
        figures["compare_areas"] = count;
        figures["compare_area_years"] = panel.Rows;
        figures["compare_seconds"] = Math.Round(compareSeconds, 2);
        figures["compare_cpu_seconds"] = Math.Round(compareCpu, 2);
        figures["chosen"] = comparison.Choice.Model;
        figures["grouped_r2"] = comparison.Scores.SelectMany(s => s.Results.Where(r => r.Validation == AreaValidation.GroupedByArea)
            .Select(r => new { score = s.Score, model = r.Model, r2 = r.RSquared is { } v ? Math.Round(v, 4) : (double?)null, seconds = Math.Round(r.Seconds, 2) })).ToArray();
        AnsiConsole.WriteLine(Text($"Model comparison: {compareSeconds:0.0} s ({compareCpu:0.0} s CPU); chosen {comparison.Choice.Model}. {comparison.Choice.Reason}"));
    }

    private static (T Value, double Seconds, double CpuSeconds) Timed<T>(Func<T> work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var value = work();
        var seconds = clock.Elapsed.TotalSeconds;
        return (value, seconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>The 1-minute load average when the bench started (the machine is shared): the figures read with it.</summary>
    private static double LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : -1;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
