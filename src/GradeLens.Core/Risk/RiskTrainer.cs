using System.Globalization;
using GradeLens.Core.Models;
using MathNet.Numerics.Distributions;

namespace GradeLens.Core.Risk;

/// <summary>The cross-validated evaluation, the model fitted on everyone, and every student's out-of-fold risk.</summary>
/// <param name="OutOfFoldRisk">Calibrated, cross-fitted: each fold's probabilities calibrated by a calibrator fitted on the other folds' out-of-fold probabilities.</param>
/// <param name="OutOfFoldProbability">Before calibration.</param>
public sealed record TrainedRisk(RiskReport Report, RiskModel Model, IReadOnlyList<double> OutOfFoldRisk, IReadOnlyList<double> OutOfFoldProbability);

/// <summary>Out-of-fold probabilities from seeded stratified k-fold cross-validation.</summary>
public sealed record CrossValidation(int[] Folds, double[] Probabilities, AucEstimate Auc);

/// <summary>Trains and evaluates the at-risk logistic regression.</summary>
public static class RiskTrainer
{
    private const int FewStudents = 100;
    private const double ImbalancedShare = 0.1;
    private const int EventsPerFeature = 10;

    /// <summary>
    /// k-fold cross-validation: each fold's model is fitted on the other folds (features standardised by the training
    /// folds' moments) and scores the held-out fold. Fold fits stop when no coefficient moves by 1e-7 of its size: far
    /// inside its standard error, and one pass over the rows fewer than the default.
    /// </summary>
    /// <param name="students">
    /// The student of each row: when a student has several rows (enrolments, several targets) the folds are grouped by
    /// student, so no student is in both a fold's training and its test rows.
    /// </param>
    /// <param name="start">A model fitted on every row, to start each fold's fit from (fewer passes to the fold's own optimum); null: from zero.</param>
    public static CrossValidation CrossValidate(FeatureMatrix x, IReadOnlyList<bool> y, int folds, int seed, double? c, IReadOnlyList<string>? students = null, LogisticModel? start = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var assignment = students is not null && students.Distinct(StringComparer.Ordinal).Count() < students.Count
            ? GroupedFolds.Assign(students, folds, seed).Fold
            : StratifiedFolds.Assign(y, folds, seed);
        var probabilities = new double[y.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var (train, test) = StratifiedFolds.Split(assignment, fold);
            var model = LogisticRegression.Fit(x, y, new LogisticOptions(C: c, Tolerance: 1e-7, Standardise: true, Start: start), train);
            var scored = model.Probabilities(x, test);
            for (var i = 0; i < test.Length; i++)
            {
                probabilities[test[i]] = scored[i];
            }
        }

        return new CrossValidation(assignment, probabilities, ClassifierMetrics.AucWithInterval(y, probabilities));
    }

    public static TrainedRisk Train(RiskData data, RiskOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new RiskOptions();
        var y = data.Outcome;
        var positives = y.Count(v => v);
        var negatives = y.Count - positives;
        if (Math.Min(positives, negatives) < options.Folds)
        {
            throw new RiskDataException(
                $"{positives} students have the outcome and {negatives} do not: {options.Folds}-fold cross-validation needs at least {options.Folds} of each.");
        }

        // The model fitted on everyone first: each fold's fit starts from it (a few passes instead of a dozen).
        var full = LogisticRegression.Fit(data.Features, y, new LogisticOptions(C: options.C, Standardise: true));
        var cv = CrossValidate(data.Features, y, options.Folds, options.Seed, options.C, data.StudentIds, full);
        // The calibrator kept for new students is fitted on every out-of-fold probability; the calibrated figures shown are
        // cross-fitted (fold k calibrated by the other folds), so the calibration is judged on students it was not fitted to.
        var calibrator = Calibrator.Fit(options.Calibration, cv.Probabilities, y);
        var calibrated = CrossFittedCalibration(options.Calibration, cv, y, options.Folds);

        var (means, scales) = data.Features.ColumnMoments();
        var report = new RiskReport(
            y.Count, positives, data.Features.Columns, options.Folds, options.Seed,
            cv.Auc, ClassifierMetrics.Brier(y, cv.Probabilities), ClassifierMetrics.LogLoss(y, cv.Probabilities),
            options.Calibration, ClassifierMetrics.Brier(y, calibrated), ClassifierMetrics.LogLoss(y, calibrated),
            ReliabilityDiagram.Bins(calibrated, y, options.ReliabilityBins),
            Fairness(data, calibrated, options.MinimumGroupSize),
            OddsRatios(full, scales, SeparationCheck.Reasons(data.Features, y)),
            Warnings(y.Count, positives, data.Features.Columns, full.Converged));
        return new TrainedRisk(report, new RiskModel(full, calibrator, means), calibrated, cv.Probabilities);
    }

    private static double[] CrossFittedCalibration(CalibrationMethod method, CrossValidation cv, IReadOnlyList<bool> y, int folds)
    {
        var calibrated = new double[y.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var (others, held) = StratifiedFolds.Split(cv.Folds, fold);
        var calibrator = Calibrator.Fit(method, others.Select(i => cv.Probabilities[i]).ToArray(), others.Select(i => y[i]).ToArray());
            foreach (var i in held)
            {
                calibrated[i] = calibrator.Apply(cv.Probabilities[i]);
            }
        }

        return calibrated;
    }

    /// <summary>Above this, |coefficient × the feature's standard deviation| is beyond what the data allow: the odds ratio is not shown.</summary>
    public const double MaximumStandardisedCoefficient = 10;

    /// <param name="scales">Each feature's standard deviation, to judge a coefficient against the feature's scale (null: not judged).</param>
    /// <param name="separated">Per feature, why its odds ratio is infinite (<see cref="SeparationCheck"/>), or null.</param>
    public static IReadOnlyList<OddsRatio> OddsRatios(LogisticModel model, IReadOnlyList<double>? scales = null, IReadOnlyList<string?>? separated = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var z = Normal.InvCDF(0, 1, 0.975);
        return model.Names.Select((name, j) =>
        {
            var w = model.Weights[j];
            var se = model.StandardErrors[j + 1];
            if (separated?[j] is { } reason)
            {
                return new OddsRatio(name, null, null, null, null, null, null, reason);
            }

            if (!double.IsFinite(w) || !double.IsFinite(se) || se <= 0)
            {
                return new OddsRatio(name, null, null, null, null, null, null, "Not estimable: the data cannot separate this feature's effect from the others'.");
            }

            var (ratio, lower, upper) = (Math.Exp(w), Math.Exp(w - (z * se)), Math.Exp(w + (z * se)));
            if ((scales is not null && Math.Abs(w * scales[j]) > MaximumStandardisedCoefficient) || !double.IsFinite(upper) || lower <= 0)
            {
                return new OddsRatio(name, null, null, null, null, null, null,
                    "Not shown: this feature (nearly) separates the outcome, so its odds ratio is beyond what the data can estimate (check it is not the outcome in disguise).");
            }

            return new OddsRatio(name, w, se, ratio, lower, upper, 2 * Normal.CDF(0, 1, -Math.Abs(w / se)));
        }).ToList();
    }

    /// <summary>Per group of each protected attribute: size, AUC (when both outcomes occur), mean calibrated risk and observed rate; nothing for a group under <paramref name="minimum"/>.</summary>
    private static List<GroupPerformance> Fairness(RiskData data, double[] risk, int minimum)
    {
        var result = new List<GroupPerformance>();
        foreach (var column in data.ProtectedGroups)
        {
            foreach (var group in Enumerable.Range(0, data.Students).Where(i => column.Values[i] is not null).GroupBy(i => column.Values[i]!).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var rows = group.ToArray();
                var y = rows.Select(i => data.Outcome[i]).ToArray();
                var p = rows.Select(i => risk[i]).ToArray();
                var positives = y.Count(v => v);
                if (rows.Length < minimum)
                {
                    result.Add(GroupPerformance.Suppress(column.Attribute, group.Key));
                    continue;
                }

                var auc = positives > 0 && positives < rows.Length ? ClassifierMetrics.AucWithInterval(y, p) : null;
                result.Add(new GroupPerformance(column.Attribute, group.Key, false, rows.Length, positives, auc, p.Average(), (double)positives / rows.Length));
            }
        }

        return result;
    }

    private static List<string> Warnings(int students, int positives, int features, bool converged)
    {
        var warnings = new List<string>();
        var share = (double)positives / students;
        if (students < FewStudents)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"Only {students} students: every figure here is uncertain; read the AUC interval, not the AUC."));
        }

        if (Math.Min(share, 1 - share) < ImbalancedShare)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Classes are imbalanced: {share:P1} of students have the outcome. Accuracy would mislead; rely on AUC, Brier score and the reliability diagram."));
        }

        if (Math.Min(positives, students - positives) < EventsPerFeature * features)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Math.Min(positives, students - positives)} students in the smaller class for {features} features (fewer than {EventsPerFeature} per feature): the model may overfit; use fewer features."));
        }

        if (!converged)
        {
            warnings.Add("The fit did not converge: some feature separates the outcome perfectly; check for a feature that is really the outcome.");
        }

        return warnings;
    }
}

/// <summary>The data cannot give a model (too few students with or without the outcome, a leaking feature...). The message says why.</summary>
public sealed class RiskDataException(string message) : Exception(message);
