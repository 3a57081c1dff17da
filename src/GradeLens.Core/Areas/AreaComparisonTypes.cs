namespace GradeLens.Core.Areas;

/// <summary>The models the Areas page compares.</summary>
public enum AreaModelKind
{
    OrdinaryLeastSquares,
    Ridge,
    RandomForest,
    BoostedTrees,
}

/// <summary>How a model is scored on rows it was not fitted on.</summary>
public enum AreaValidation
{
    /// <summary>K-fold cross-validation with every year of an area in the same fold: the honest figure.</summary>
    GroupedByArea,

    /// <summary>Trained on the years before the cut year, tested on the cut year and after.</summary>
    ForwardInTime,

    /// <summary>A random 75/25 split of area-years: the same area's other years are in training, so it is optimistic.</summary>
    RandomSplit,
}

/// <param name="Folds">Outer grouped folds.</param>
/// <param name="InnerFolds">Grouped folds inside each training set that choose the ridge penalty.</param>
/// <param name="CutYear">The first test year of the forward-in-time split; null: the first of the last 30% of the years.</param>
/// <param name="RandomTestShare">The share of area-years held out by the random split.</param>
/// <param name="Trees">Trees of the random forest and of the boosted trees.</param>
/// <param name="Models">The models to compare; null for all four.</param>
public sealed record AreaComparisonOptions(
    int Folds = 5,
    int InnerFolds = 5,
    int Seed = 7,
    int? CutYear = null,
    double RandomTestShare = 0.25,
    int Trees = 100,
    IReadOnlyList<AreaModelKind>? Models = null);

/// <summary>
/// One model scored one way. Grouped CV: the mean over folds (as scikit-learn's cross_validate) with the standard error
/// of the fold R²s. Null figures carry a <see cref="Reason"/> (a split with too few rows on one side).
/// </summary>
/// <param name="Optimistic">True for the random split: its figure flatters the model and is shown only to say so.</param>
/// <param name="Settings">What was chosen inside the training rows (the ridge penalty per fold), or the fixed settings.</param>
/// <param name="FoldRSquared">The R² of each grouped fold, in fold order (null for the single splits).</param>
public sealed record AreaModelScore(
    string Model,
    AreaValidation Validation,
    bool Optimistic,
    string Description,
    double? RSquared,
    double? RSquaredStandardError,
    double? Rmse,
    double? Mae,
    int TrainRows,
    int TestRows,
    string Settings,
    IReadOnlyList<double>? FoldRSquared,
    double Seconds,
    string? Reason);

/// <summary>The model the page should use, and why, in one sentence.</summary>
public sealed record AreaModelChoice(string Model, string Reason);

/// <summary>Every model scored every way for one score, and the choice for it.</summary>
public sealed record AreaScoreComparison(string Score, int Rows, int Areas, int CutYear, IReadOnlyList<AreaModelScore> Results, AreaModelChoice Choice);

/// <summary>The comparison for every score, and one choice for the page across them.</summary>
public sealed record AreaComparison(IReadOnlyList<string> Measures, IReadOnlyList<AreaScoreComparison> Scores, AreaModelChoice Choice, int Seed);
