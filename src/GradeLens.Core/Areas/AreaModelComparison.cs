using System.Diagnostics;
using System.Globalization;
using GradeLens.Core.Models;

namespace GradeLens.Core.Areas;

/// <summary>
/// OLS, ridge, a random forest and boosted trees, each scored three ways per score: cross-validation grouped by area
/// (the honest figure, which chooses the model), a forward-in-time split, and the random 75/25 split the original study
/// used (labelled optimistic). Seeded: the same panel and options give the same figures.
/// </summary>
public static class AreaModelComparison
{
    private static readonly AreaModelKind[] _allModels =
        [AreaModelKind.OrdinaryLeastSquares, AreaModelKind.Ridge, AreaModelKind.RandomForest, AreaModelKind.BoostedTrees];

    /// <summary>The grouped folds of the panel's rows: every row of an area in the same outer fold.</summary>
    public static GroupedFoldPlan Plan(AreaPanel panel, AreaComparisonOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(options);
        return GroupedFolds.Assign(panel.Areas, options.Folds, options.Seed, options.InnerFolds);
    }

    /// <summary>The first test year of the forward split: the option, else the first of the last 30% of the distinct years.</summary>
    public static int CutYear(AreaPanel panel, AreaComparisonOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(options);
        if (options.CutYear is { } cut)
        {
            return cut;
        }

        var years = panel.Years.Distinct().Order().ToArray();
        return years[Math.Max(1, years.Length - (int)Math.Ceiling(0.3 * years.Length))];
    }

    /// <summary>Per row, whether the seeded random split holds it out: a shuffle of every row, the first share held out.</summary>
    public static bool[] RandomTestRows(int rows, double share, int seed)
    {
        var order = Enumerable.Range(0, rows).ToArray();
        new Random(seed).Shuffle(order);
        var test = new bool[rows];
        var count = (int)Math.Round(share * rows);
        for (var t = 0; t < count; t++)
        {
            test[order[t]] = true;
        }

        return test;
    }

    public static AreaComparison Compare(AreaPanel panel, IReadOnlyList<string> measures, IReadOnlyList<string>? scores = null, AreaComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(measures);
        options ??= new AreaComparisonOptions();
        var plan = Plan(panel, options);
        var cut = CutYear(panel, options);
        var random = RandomTestRows(panel.Rows, options.RandomTestShare, options.Seed);
        var x = panel.Features(measures);
        var comparisons = (scores ?? panel.ScoreNames).Select(score => CompareScore(panel, x, measures, score, plan, cut, random, options)).ToList();
        var pooled = comparisons
            .SelectMany(c => c.Results.Where(r => r.Validation == AreaValidation.GroupedByArea && r.FoldRSquared is not null))
            .GroupBy(r => r.Model)
            .Select(g => (g.Key, (IReadOnlyList<double>)[.. g.SelectMany(r => r.FoldRSquared!)]))
            .ToList();
        return new AreaComparison(measures, comparisons, AreaModelChooser.Choose(pooled), options.Seed);
    }

    private static AreaScoreComparison CompareScore(
        AreaPanel panel, FeatureMatrix x, IReadOnlyList<string> measures, string score, GroupedFoldPlan plan, int cut, bool[] random, AreaComparisonOptions options)
    {
        var rows = panel.CompleteRows(measures, score);
        var y = panel.ScoreColumn(score);
        var areas = rows.Select(i => panel.Areas[i]).Distinct(StringComparer.Ordinal).Count();
        var before = rows.Where(i => panel.Years[i] < cut).Select(i => panel.Years[i]).DefaultIfEmpty(cut).ToArray();
        var after = rows.Where(i => panel.Years[i] >= cut).Select(i => panel.Years[i]).DefaultIfEmpty(cut).ToArray();
        var results = new List<AreaModelScore>();
        foreach (var kind in options.Models ?? _allModels)
        {
            results.Add(Grouped(kind, x, y, rows, plan, areas, options));
            results.Add(Single(kind, x, y, rows.Where(i => panel.Years[i] < cut).ToArray(), rows.Where(i => panel.Years[i] >= cut).ToArray(), plan, options,
                AreaValidation.ForwardInTime, Text($"trained on {before.Min()}-{before.Max()}, tested on {after.Min()}-{after.Max()} (cut year {cut})")));
            results.Add(Single(kind, x, y, rows.Where(i => !random[i]).ToArray(), rows.Where(i => random[i]).ToArray(), plan, options,
                AreaValidation.RandomSplit, Text($"random {100 - (options.RandomTestShare * 100):F0}/{options.RandomTestShare * 100:F0} split of area-years: optimistic, the same area's other years are in training")));
        }

        var grouped = results.Where(r => r.Validation == AreaValidation.GroupedByArea && r.FoldRSquared is not null)
            .Select(r => (r.Model, r.FoldRSquared!)).ToList();
        return new AreaScoreComparison(score, rows.Length, areas, cut, results, AreaModelChooser.Choose(grouped));
    }

    private static AreaModelScore Grouped(AreaModelKind kind, FeatureMatrix x, double[] y, int[] rows, GroupedFoldPlan plan, int areas, AreaComparisonOptions options)
    {
        var description = Text($"{plan.Folds}-fold cross-validation grouped by area: every year of an area in one fold ({areas} areas)");
        var clock = Stopwatch.StartNew();
        var folds = new List<RegressionScore>();
        var alphas = new List<double>();
        int train = 0, test = 0;
        for (var f = 0; f < plan.Folds; f++)
        {
            var trainRows = rows.Where(i => plan.Fold[i] != f).ToArray();
            var testRows = rows.Where(i => plan.Fold[i] == f).ToArray();
            if (testRows.Length == 0 || trainRows.Length <= x.Columns + 1)
            {
                continue;
            }

            var (predicted, alpha) = AreaLearners.FitPredict(kind, x, y, trainRows, testRows, plan.InnerFold, options);
            folds.Add(RegressionMetrics.Score(y, testRows, predicted));
            if (alpha is { } a)
            {
                alphas.Add(a);
            }

            train += trainRows.Length;
            test += testRows.Length;
        }

        var settings = alphas.Count > 0 ? "penalty per fold " + string.Join(", ", alphas.Select(AreaLearners.Format)) : AreaLearners.Settings(kind, options.Trees);
        var r2 = folds.Where(s => s.RSquared is not null).Select(s => s.RSquared!.Value).ToList();
        if (folds.Count < 2 || r2.Count < 2)
        {
            return new AreaModelScore(AreaLearners.Name(kind), AreaValidation.GroupedByArea, false, description, null, null, null, null, train, test, settings, null,
                clock.Elapsed.TotalSeconds, $"{rows.Length} area-years of {areas} areas are too few for grouped cross-validation.");
        }

        var mean = r2.Average();
        var se = Math.Sqrt(r2.Sum(v => (v - mean) * (v - mean)) / (r2.Count - 1) / r2.Count);
        return new AreaModelScore(AreaLearners.Name(kind), AreaValidation.GroupedByArea, false, description, mean, se,
            folds.Average(s => s.Rmse), folds.Average(s => s.Mae), train / folds.Count, test / folds.Count, settings, r2, clock.Elapsed.TotalSeconds, null);
    }

    private static AreaModelScore Single(
        AreaModelKind kind, FeatureMatrix x, double[] y, int[] train, int[] test, GroupedFoldPlan plan, AreaComparisonOptions options, AreaValidation validation, string description)
    {
        var optimistic = validation == AreaValidation.RandomSplit;
        var clock = Stopwatch.StartNew();
        if (test.Length < 2 || train.Length <= x.Columns + 1 + options.InnerFolds)
        {
            return new AreaModelScore(AreaLearners.Name(kind), validation, optimistic, description, null, null, null, null, train.Length, test.Length,
                AreaLearners.Settings(kind, options.Trees), null, 0, $"{train.Length} training and {test.Length} test area-years are too few to score on.");
        }

        var (predicted, alpha) = AreaLearners.FitPredict(kind, x, y, train, test, plan.InnerFold, options);
        var score = RegressionMetrics.Score(y, test, predicted);
        var settings = alpha is { } a ? "penalty " + AreaLearners.Format(a) : AreaLearners.Settings(kind, options.Trees);
        return new AreaModelScore(AreaLearners.Name(kind), validation, optimistic, description, score.RSquared, null, score.Rmse, score.Mae,
            train.Length, test.Length, settings, null, clock.Elapsed.TotalSeconds, score.RSquared is null ? "The test area-years' scores do not vary: R² is undefined." : null);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
