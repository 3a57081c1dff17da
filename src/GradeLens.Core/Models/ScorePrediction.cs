using GradeLens.Core.Risk;

namespace GradeLens.Core.Models;

/// <summary>What to predict from a <see cref="StudentTable"/>: a score column, or "score below a threshold" as a class.</summary>
/// <param name="Outcome">A score column of the table (e.g. "Mathematics").</param>
/// <param name="Features">Score columns and attribute names to predict from; null for every attribute (no other scores).</param>
/// <param name="Below">Null: predict the score itself (OLS or a forest). A number: predict "score below it" (logistic regression or a forest).</param>
/// <param name="Forest">A random forest (ML.NET FastForest) instead of the linear model: no coefficients, often better with interactions.</param>
public sealed record PredictionRequest(string Outcome, IReadOnlyList<string>? Features = null, double? Below = null, int Folds = 5, int Seed = 7, bool Forest = false);

/// <summary>How much a feature matters: the mean drop in the held-out figure (R² or AUC) when its values are shuffled; null, with the reason, when the figure is beyond what the data allow.</summary>
public sealed record PermutationImportance(string Feature, double? Drop, string? NotShown = null);

/// <summary>
/// A model's cross-validated figures (R², RMSE and MAE the mean over folds, as scikit-learn's cross_val_score reports them;
/// the AUC over every out-of-fold prediction, as the Risk page and <c>gradelens train</c> report it), its coefficients
/// fitted on every row, and permutation importance on the held-out folds. Coefficients are null when they cannot be
/// trusted (<see cref="Notes"/> says why).
/// </summary>
public sealed record PredictionResult(
    string Series,
    string Outcome,
    string Method,
    int Students,
    int Folds,
    double? CvRSquared,
    double? CvRmse,
    double? CvMae,
    double? CvAuc,
    double? CvAccuracy,
    OlsFit? Ols,
    IReadOnlyList<OddsRatio>? OddsRatios,
    IReadOnlyList<PermutationImportance> Importance,
    IReadOnlyList<string> Notes,
    IReadOnlyList<MissingValues> Missing,
    AucEstimate? AucInterval = null);

/// <summary>Predicts a score (OLS) or a below-threshold class (logistic regression) from a table's columns, encoded by <see cref="FeatureBuilder"/>.</summary>
public static class ScorePrediction
{
    /// <summary>An OLS coefficient moving the outcome by more than this many of its standard deviations per standard deviation of the feature is beyond what the data allow.</summary>
    public const double MaximumStandardisedEffect = 10;

    public static PredictionResult Run(StudentTable table, PredictionRequest request)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(request);
        var outcomeColumn = IndexOf(table.Scores.Names, request.Outcome)
            ?? throw new RiskDataException($"There is no score column '{request.Outcome}'. Columns: {string.Join(", ", table.Scores.Names)}.");
        var features = request.Features ?? table.AttributeNames.Where(a => !ProtectedAttributes.IsProtected(a)).ToList();
        TargetLeakage.CheckColumns(table.Scores.Names[outcomeColumn], features);

        var rows = Enumerable.Range(0, table.StudentIds.Count).Where(i => !double.IsNaN(table.Scores[i, outcomeColumn])).ToArray();
        var built = Design(table, features, rows);
        var x = built.X;
        var y = rows.Select(i => table.Scores[i, outcomeColumn]).ToArray();
        if (rows.Length < 10 * request.Folds || rows.Length <= x.Columns + 1)
        {
            throw new RiskDataException($"{rows.Length} students with a {request.Outcome} score are too few for {x.Columns} features and {request.Folds}-fold cross-validation.");
        }

        return request.Below is { } below ? Classify(table, request, built, y.Select(v => v < below).ToArray()) : Regress(table, request, built, y);
    }

    private static PredictionResult Regress(StudentTable table, PredictionRequest request, BuiltFeatures built, double[] y)
    {
        var x = built.X;
        var groups = built.Groups;
        var folds = PlainFolds(y.Length, request.Folds, request.Seed);
        double r2 = 0, rmse = 0, mae = 0;
        var drops = new double[groups.Count];
        var random = new Random(request.Seed);
        for (var fold = 0; fold < request.Folds; fold++)
        {
            var (train, test) = StratifiedFolds.Split(folds, fold);
            Func<FeatureMatrix, int[], double[]> predict;
            if (request.Forest)
            {
                var forest = RandomForest.FitRegression(x, y, train, request.Seed);
                predict = forest.Predict;
            }
            else
            {
                predict = HeldOutPredictions.FoldLeastSquares(x, y, train);
            }

            var predicted = predict(x, test);
            var score = RSquared(predicted, y, test);
            r2 += score;
            var errors = test.Select((i, t) => predicted[t] - y[i]).ToArray();
            rmse += Math.Sqrt(errors.Average(e => e * e));
            mae += errors.Average(Math.Abs);
            var held = HeldOutPredictions.Positions(test.Length);
            for (var g = 0; g < groups.Count; g++)
            {
                drops[g] += score - RSquared(predict(HeldOutPredictions.PermutedTestRows(x, test, [.. groups[g].Columns], random), held), y, test);
            }
        }

        var k = request.Folds;
        var notes = new List<string>(built.Notes);
        var ols = request.Forest ? null : TrustedOls(OrdinaryLeastSquares.Fit(x, y), built, y, notes);
        return new PredictionResult(table.Series, request.Outcome, request.Forest ? $"Random forest ({RandomForest.DefaultTrees} trees, ML.NET FastForest)" : "Ordinary least squares",
            y.Length, k, Finite(r2 / k), Finite(rmse / k), Finite(mae / k), null, null, ols, null, Importance(groups, drops, k, x, 2), notes, built.Missing);
    }

    /// <summary>The OLS fit, or null with a note when its coefficients are beyond what the data's scale allows.</summary>
    private static OlsFit? TrustedOls(OlsFit fit, BuiltFeatures built, double[] y, List<string> notes)
    {
        if (built.IllConditioned)
        {
            notes.Add(DesignCheck.IllConditionedNote(built.ConditionNumber!.Value));
            return null;
        }

        var (_, scales) = built.X.ColumnMoments();
        var mean = y.Average();
        var spread = Math.Sqrt(y.Average(v => (v - mean) * (v - mean)));
        var absurd = fit.Coefficients.Skip(1).Select((c, j) => (c.Name, Effect: Math.Abs(c.Estimate) * scales[j] / Math.Max(spread, 1e-12)))
            .Where(t => !double.IsFinite(t.Effect) || t.Effect > MaximumStandardisedEffect).Select(t => t.Name).ToList();
        if (absurd.Count > 0 || fit.Coefficients.Any(c => !double.IsFinite(c.Estimate) || !double.IsFinite(c.StandardError) || !double.IsFinite(c.P)))
        {
            notes.Add($"Coefficients not shown: {(absurd.Count > 0 ? string.Join(", ", absurd) : "some")} would move the outcome by more than its scale allows, a sign that columns repeat one another.");
            return null;
        }

        return fit;
    }

    private static PredictionResult Classify(StudentTable table, PredictionRequest request, BuiltFeatures built, bool[] y)
    {
        var x = built.X;
        var groups = built.Groups;
        var positives = y.Count(v => v);
        if (Math.Min(positives, y.Length - positives) < request.Folds)
        {
            throw new RiskDataException($"{positives} of {y.Length} students are below {request.Below}: too few of one class for {request.Folds}-fold cross-validation.");
        }

        // The same folds, fit and pooled out-of-fold AUC as the Risk page and `gradelens train` (RiskTrainer.CrossValidate).
        var folds = StratifiedFolds.Assign(y, request.Folds, request.Seed);
        var pooled = new double[y.Length];
        var drops = new double[groups.Count];
        var random = new Random(request.Seed);
        var options = new LogisticOptions(C: 1.0, Tolerance: 1e-7, Standardise: true);
        for (var fold = 0; fold < request.Folds; fold++)
        {
            var (train, test) = StratifiedFolds.Split(folds, fold);
            Func<FeatureMatrix, int[], double[]> predict;
            if (request.Forest)
            {
                var forest = RandomForest.FitClassifier(x, y, train, request.Seed);
                predict = forest.Predict;
            }
            else
            {
                var model = LogisticRegression.Fit(x, y, options, train);
                predict = model.Probabilities;
            }

            var truth = test.Select(i => y[i]).ToArray();
            var p = predict(x, test);
            for (var t = 0; t < test.Length; t++)
            {
                pooled[test[t]] = p[t];
            }

            var score = ClassifierMetrics.Auc(truth, p);
            var held = HeldOutPredictions.Positions(test.Length);
            for (var g = 0; g < groups.Count; g++)
            {
                drops[g] += score - ClassifierMetrics.Auc(truth, predict(HeldOutPredictions.PermutedTestRows(x, test, [.. groups[g].Columns], random), held));
            }
        }

        var k = request.Folds;
        var notes = new List<string>(built.Notes);
        var method = request.Forest ? $"Random forest ({RandomForest.DefaultTrees} trees, ML.NET FastForest, Platt-calibrated)" : "Logistic regression (L2, C = 1, standardised)";
        IReadOnlyList<OddsRatio>? odds = null;
        if (!request.Forest && built.IllConditioned)
        {
            notes.Add(DesignCheck.IllConditionedNote(built.ConditionNumber!.Value));
        }
        else if (!request.Forest)
        {
            odds = RiskTrainer.OddsRatios(LogisticRegression.Fit(x, y, options with { Tolerance = 1e-10 }), x.ColumnMoments().Scales, SeparationCheck.Reasons(x, y));
        }

        var auc = ClassifierMetrics.AucWithInterval(y, pooled);
        return new PredictionResult(table.Series, $"{request.Outcome} below {request.Below}", method, y.Length, k,
            null, null, null, Finite(auc.Auc), Finite(ClassifierMetrics.Accuracy(y, pooled)), null, odds, Importance(groups, drops, k, x, 1), notes, built.Missing, auc);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>
    /// Mean drop per feature; a drop that is not finite or beyond <paramref name="most"/> is not shown: 1 for an AUC (its
    /// whole range), 2 for R² (shuffling a feature of an additive fit costs at most twice the R² it brings).
    /// </summary>
    private static List<PermutationImportance> Importance(IReadOnlyList<FeatureGroup> groups, double[] drops, int folds, FeatureMatrix x, double most) =>
        [.. groups.Select((g, i) => drops[i] / folds is var drop && double.IsFinite(drop) && Math.Abs(drop) <= most
                ? new PermutationImportance(g.Name, drop)
                : new PermutationImportance(g.Name, null, $"Not shown: shuffling '{g.Name}' changes the held-out figure by more than the data allow, a sign that columns repeat one another ({string.Join(", ", g.Columns.Select(c => x.Names[c]))})."))
            .OrderByDescending(p => p.Drop ?? double.NegativeInfinity)];

    /// <summary>R² of predictions for <paramref name="rows"/> (in order) against the rows' own mean, as scikit-learn's r2_score.</summary>
    private static double RSquared(double[] predicted, double[] y, int[] rows)
    {
        var mean = rows.Average(i => y[i]);
        double residual = 0, total = 0;
        for (var t = 0; t < rows.Length; t++)
        {
            var e = y[rows[t]] - predicted[t];
            residual += e * e;
            total += (y[rows[t]] - mean) * (y[rows[t]] - mean);
        }

        return 1 - (residual / total);
    }

    /// <summary>The chosen score columns and attributes, encoded by <see cref="FeatureBuilder"/> (the same encoding as the Risk page and <c>train</c>).</summary>
    private static BuiltFeatures Design(StudentTable table, IReadOnlyList<string> features, int[] rows)
    {
        var raw = new List<RawColumn>();
        foreach (var feature in features)
        {
            if (IndexOf(table.Scores.Names, feature) is { } s)
            {
                raw.Add(RawColumn.Numeric(table.Scores.Names[s], rows.Select(i => table.Scores[i, s]).ToArray()));
            }
            else if (IndexOf(table.AttributeNames, feature) is { } a)
            {
                raw.Add(RawColumn.FromText(table.AttributeNames[a], rows.Select(i => table.Attributes[a][i]).ToArray()));
            }
            else
            {
                throw new RiskDataException($"There is no column '{feature}'. Scores: {string.Join(", ", table.Scores.Names)}; attributes: {string.Join(", ", table.AttributeNames)}.");
            }
        }

        if (raw.Count == 0)
        {
            throw new RiskDataException("Choose at least one feature.");
        }

        return FeatureBuilder.Build(raw, rows.Length);
    }

    /// <summary>Seeded k-fold assignment for a numeric outcome: shuffled rows dealt round-robin.</summary>
    private static int[] PlainFolds(int count, int folds, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var assignment = new int[count];
        for (var t = 0; t < count; t++)
        {
            assignment[order[t]] = t % folds;
        }

        return assignment;
    }

    private static int? IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }
}
