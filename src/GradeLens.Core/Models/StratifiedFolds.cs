namespace GradeLens.Core.Models;

/// <summary>
/// Seeded stratified k-fold assignment: positives and negatives are each shuffled (Fisher–Yates with a seeded
/// <see cref="Random"/>) and dealt round-robin to the folds, so every fold has the overall positive rate to within one row.
/// The same labels and seed give the same folds.
/// </summary>
public static class StratifiedFolds
{
    public static int[] Assign(IReadOnlyList<bool> y, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var assignment = new int[y.Count];
        var random = new Random(seed);
        var next = 0;
        foreach (var label in new[] { true, false })
        {
            var members = Enumerable.Range(0, y.Count).Where(i => y[i] == label).ToArray();
            random.Shuffle(members);
            foreach (var i in members)
            {
                assignment[i] = next;
                next = (next + 1) % folds;
            }
        }

        return assignment;
    }

    /// <summary>Row numbers in fold <paramref name="fold"/> (held out) and the rest (training), each ascending.</summary>
    public static (int[] Train, int[] Test) Split(int[] assignment, int fold)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var train = new List<int>(assignment.Length);
        var test = new List<int>((assignment.Length / 2) + 1);
        for (var i = 0; i < assignment.Length; i++)
        {
            (assignment[i] == fold ? test : train).Add(i);
        }

        return ([.. train], [.. test]);
    }
}
