namespace GradeLens.Core.Models;

/// <summary>
/// Folds in which every row of a group (an area, a school) falls in the same fold, so a model is never tested on a
/// group it was trained on. <see cref="Fold"/> and <see cref="InnerFold"/> give each row its outer and inner fold.
/// </summary>
/// <param name="Fold">Per row, its outer fold (0 to <see cref="Folds"/> - 1).</param>
/// <param name="InnerFold">Per row, its fold for choosing a setting inside an outer training set (0 to <see cref="InnerFolds"/> - 1).</param>
/// <param name="Groups">How many distinct groups were dealt.</param>
public sealed record GroupedFoldPlan(int[] Fold, int[] InnerFold, int Folds, int InnerFolds, int Groups)
{
    /// <summary>Rows held out in outer fold <paramref name="fold"/> and the rest (training), each ascending.</summary>
    public (int[] Train, int[] Test) Split(int fold) => StratifiedFolds.Split(Fold, fold);

    /// <summary>Inside the training rows of outer fold <paramref name="outer"/>: the rows of inner fold <paramref name="inner"/> and the other training rows.</summary>
    public (int[] Train, int[] Test) InnerSplit(int outer, int inner)
    {
        var train = new List<int>(Fold.Length);
        var test = new List<int>((Fold.Length / InnerFolds) + 1);
        for (var i = 0; i < Fold.Length; i++)
        {
            if (Fold[i] != outer)
            {
                (InnerFold[i] == inner ? test : train).Add(i);
            }
        }

        return ([.. train], [.. test]);
    }
}

/// <summary>
/// Seeded grouped k-fold assignment. The distinct groups are sorted (ordinal), shuffled with a seeded
/// <see cref="Random"/> (Fisher–Yates), and the group at position t goes to outer fold t mod k and inner fold
/// (t div k) mod k_inner. Every outer training set therefore holds groups of every inner fold, in near-equal numbers;
/// the same groups and seed give the same folds whatever the order of the rows.
/// </summary>
public static class GroupedFolds
{
    public static GroupedFoldPlan Assign(IReadOnlyList<string> groupOfRow, int folds, int seed, int innerFolds = 5)
    {
        ArgumentNullException.ThrowIfNull(groupOfRow);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(innerFolds, 2);
        var distinct = groupOfRow.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (distinct.Length < folds)
        {
            throw new ArgumentException($"{distinct.Length} groups cannot fill {folds} folds.", nameof(groupOfRow));
        }

        new Random(seed).Shuffle(distinct);
        var position = new Dictionary<string, int>(distinct.Length, StringComparer.Ordinal);
        for (var t = 0; t < distinct.Length; t++)
        {
            position[distinct[t]] = t;
        }

        var fold = new int[groupOfRow.Count];
        var inner = new int[groupOfRow.Count];
        for (var i = 0; i < fold.Length; i++)
        {
            var t = position[groupOfRow[i]];
            fold[i] = t % folds;
            inner[i] = t / folds % innerFolds;
        }

        return new GroupedFoldPlan(fold, inner, folds, innerFolds, distinct.Length);
    }
}
