using GradeLens.Core.Risk;

namespace GradeLens.Core.Models;

/// <summary>What to predict from a <see cref="StudentTable"/>: a score column, or "score below a threshold" as a class.</summary>
/// <param name="Outcome">A score column of the table (e.g. "Mathematics").</param>
/// <param name="Features">Score columns and attribute names to predict from; null for every attribute (no other scores).</param>
/// <param name="Below">Null: predict the score itself (OLS or a forest). A number: predict "score below it" (logistic regression or a forest).</param>
/// <param name="Forest">A random forest (ML.NET FastForest) instead of the linear model: no coefficients, often better with interactions.</param>
public sealed record PredictionRequest(string Outcome, IReadOnlyList<string>? Features = null, double? Below = null, int Folds = 5, int Seed = 7, bool Forest = false);

/// <summary>How much a feature matters: the mean drop in the held-out figure (R² or AUC) when its values are shuffled.</summary>
public sealed record PermutationImportance(string Feature, double Drop);

/// <summary>
/// A model's cross-validated figures (the mean over folds, as scikit-learn's cross_val_score reports them),
/// its coefficients fitted on every row, and permutation importance on the held-out folds.
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
    IReadOnlyList<PermutationImportance> Importance);

/// <summary>Predicts a score (OLS) or a below-threshold class (logistic regression) from a table's columns.</summary>
public static class ScorePrediction
{
    public static PredictionResult Run(StudentTable table, PredictionRequest request)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(request);
        var outcomeColumn = IndexOf(table.Scores.Names, request.Outcome)
            ?? throw new RiskDataException($"There is no score column '{request.Outcome}'. Columns: {string.Join(", ", table.Scores.Names)}.");
        var features = request.Features ?? table.AttributeNames.Where(a => !ProtectedAttributes.IsProtected(a)).ToList();
        TargetLeakage.CheckColumns(table.Scores.Names[outcomeColumn], features);

        var rows = Enumerable.Range(0, table.StudentIds.Count).Where(i => !double.IsNaN(table.Scores[i, outcomeColumn])).ToArray();
        var (x, groups) = Design(table, features, rows);
        var y = rows.Select(i => table.Scores[i, outcomeColumn]).ToArray();
        if (rows.Length < 10 * request.Folds || rows.Length <= x.Columns + 1)
        {
            throw new RiskDataException($"{rows.Length} students with a {request.Outcome} score are too few for {x.Columns} features and {request.Folds}-fold cross-validation.");
        }

        return request.Below is { } below
            ? Classify(table, request, x, groups, y.Select(v => v < below).ToArray())
            : Regress(table, request, x, groups, y);
    }

    private static PredictionResult Regress(StudentTable table, PredictionRequest request, FeatureMatrix x, IReadOnlyList<(string Name, int[] Columns)> groups, double[] y)
    {
        var folds = PlainFolds(y.Length, request.Folds, request.Seed);
        double r2 = 0, rmse = 0, mae = 0;
        var drops = new double[groups.Count];
        var random = new Random(request.Seed);
        for (var fold = 0; fold < request.Folds; fold++)
        {
            var (train, test) = StratifiedFolds.Split(folds, fold);
            Func<FeatureMatrix, double[]> predict;
            if (request.Forest)
            {
                var forest = RandomForest.FitRegression(x, y, train, request.Seed);
                predict = m => forest.Predict(m, test);
            }
            else
            {
                var fit = OrdinaryLeastSquares.Fit(x, y, train);
                predict = m => test.Select(i => fit.Predict(m.Row(i))).ToArray();
            }

            var predicted = predict(x);
            var score = RSquared(predicted, y, test);
            r2 += score;
            var errors = test.Select((i, t) => predicted[t] - y[i]).ToArray();
            rmse += Math.Sqrt(errors.Average(e => e * e));
            mae += errors.Average(Math.Abs);
            for (var g = 0; g < groups.Count; g++)
            {
                drops[g] += score - RSquared(predict(Permuted(x, test, groups[g].Columns, random)), y, test);
            }
        }

        var k = request.Folds;
        return new PredictionResult(table.Series, request.Outcome, request.Forest ? $"Random forest ({RandomForest.DefaultTrees} trees, ML.NET FastForest)" : "Ordinary least squares",
            y.Length, k, r2 / k, rmse / k, mae / k, null, null, request.Forest ? null : OrdinaryLeastSquares.Fit(x, y), null, Importance(groups, drops, k));
    }

    private static PredictionResult Classify(StudentTable table, PredictionRequest request, FeatureMatrix x, IReadOnlyList<(string Name, int[] Columns)> groups, bool[] y)
    {
        var positives = y.Count(v => v);
        if (Math.Min(positives, y.Length - positives) < request.Folds)
        {
            throw new RiskDataException($"{positives} of {y.Length} students are below {request.Below}: too few of one class for {request.Folds}-fold cross-validation.");
        }

        var folds = StratifiedFolds.Assign(y, request.Folds, request.Seed);
        double auc = 0, accuracy = 0;
        var drops = new double[groups.Count];
        var random = new Random(request.Seed);
        var options = new LogisticOptions(C: 1.0, Standardise: true);
        for (var fold = 0; fold < request.Folds; fold++)
        {
            var (train, test) = StratifiedFolds.Split(folds, fold);
            Func<FeatureMatrix, double[]> predict;
            if (request.Forest)
            {
                var forest = RandomForest.FitClassifier(x, y, train, request.Seed);
                predict = m => forest.Predict(m, test);
            }
            else
            {
                var model = LogisticRegression.Fit(x, y, options, train);
                predict = m => model.Probabilities(m, test);
            }

            var truth = test.Select(i => y[i]).ToArray();
            var p = predict(x);
            var score = ClassifierMetrics.Auc(truth, p);
            auc += score;
            accuracy += ClassifierMetrics.Accuracy(truth, p);
            for (var g = 0; g < groups.Count; g++)
            {
                var shuffled = Permuted(x, test, groups[g].Columns, random);
                drops[g] += score - ClassifierMetrics.Auc(truth, predict(shuffled));
            }
        }

        var k = request.Folds;
        var method = request.Forest ? $"Random forest ({RandomForest.DefaultTrees} trees, ML.NET FastForest, Platt-calibrated)" : "Logistic regression (L2, C = 1, standardised)";
        var odds = request.Forest ? null : RiskTrainer.OddsRatios(LogisticRegression.Fit(x, y, options));
        return new PredictionResult(table.Series, $"{request.Outcome} below {request.Below}", method, y.Length, k,
            null, null, null, auc / k, accuracy / k, null, odds, Importance(groups, drops, k));
    }

    private static List<PermutationImportance> Importance(IReadOnlyList<(string Name, int[] Columns)> groups, double[] drops, int folds) =>
        [.. groups.Select((g, i) => new PermutationImportance(g.Name, drops[i] / folds)).OrderByDescending(p => p.Drop)];

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

    /// <summary>A copy of <paramref name="x"/> whose <paramref name="columns"/> are shuffled together among <paramref name="rows"/>.</summary>
    private static FeatureMatrix Permuted(FeatureMatrix x, int[] rows, int[] columns, Random random)
    {
        var order = (int[])rows.Clone();
        random.Shuffle(order);
        var values = new double[x.Rows * x.Columns];
        for (var i = 0; i < x.Rows; i++)
        {
            x.Row(i).CopyTo(values.AsSpan(i * x.Columns, x.Columns));
        }

        for (var t = 0; t < rows.Length; t++)
        {
            foreach (var j in columns)
            {
                values[(rows[t] * x.Columns) + j] = x[order[t], j];
            }
        }

        return new FeatureMatrix(x.Names, values);
    }

    /// <summary>Score columns as they are (missing = column mean) and attributes one-hot (reference = alphabetically first level), with the columns of each feature.</summary>
    private static (FeatureMatrix X, List<(string Name, int[] Columns)> Groups) Design(StudentTable table, IReadOnlyList<string> features, int[] rows)
    {
        var names = new List<string>();
        var columns = new List<double[]>();
        var groups = new List<(string, int[])>();
        foreach (var feature in features)
        {
            if (IndexOf(table.Scores.Names, feature) is { } s)
            {
                var present = rows.Select(i => table.Scores[i, s]).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Average();
                groups.Add((table.Scores.Names[s], [names.Count]));
                names.Add(table.Scores.Names[s]);
                columns.Add(rows.Select(i => double.IsNaN(table.Scores[i, s]) ? present : table.Scores[i, s]).ToArray());
            }
            else if (IndexOf(table.AttributeNames, feature) is { } a)
            {
                var values = rows.Select(i => table.Attributes[a][i] ?? "").ToList();
                var encoding = OneHotEncoding.Learn([table.AttributeNames[a]], values.Select(v => (IReadOnlyList<string>)[v]).ToList());
                var encoded = encoding.Encode(values.Select(v => (IReadOnlyList<string>)[v]).ToList());
                groups.Add((table.AttributeNames[a], Enumerable.Range(names.Count, encoded.Columns).ToArray()));
                for (var j = 0; j < encoded.Columns; j++)
                {
                    names.Add(encoded.Names[j]);
                    columns.Add(Enumerable.Range(0, encoded.Rows).Select(i => encoded[i, j]).ToArray());
                }
            }
            else
            {
                throw new RiskDataException($"There is no column '{feature}'. Scores: {string.Join(", ", table.Scores.Names)}; attributes: {string.Join(", ", table.AttributeNames)}.");
            }
        }

        if (names.Count == 0)
        {
            throw new RiskDataException("Choose at least one feature.");
        }

        var matrix = new double[rows.Length * names.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < names.Count; j++)
            {
                matrix[(i * names.Count) + j] = columns[j][i];
            }
        }

        return (new FeatureMatrix(names, matrix), groups);
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
