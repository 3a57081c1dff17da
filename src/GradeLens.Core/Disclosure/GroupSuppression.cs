namespace GradeLens.Core.Disclosure;

/// <summary>
/// Which groups of one breakdown to hide when everyone's figure is shown too (docs/decisions/0008-disclosure-control.md):
/// every group under the minimum (primary), then the smallest others until the hidden groups hold at least the minimum
/// students together (complementary), so that everyone minus the shown groups never leaves a small group — or one pupil.
/// The gaps' two-dimensional tables use <see cref="Gaps.CellSuppression"/>, the same rule over rows and columns.
/// </summary>
public static class GroupSuppression
{
    public static IReadOnlySet<string> Hide(IReadOnlyDictionary<string, long> groups, int minimum)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var hidden = groups.Where(g => g.Value < minimum).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var total = groups.Where(g => hidden.Contains(g.Key)).Sum(g => g.Value);
        foreach (var next in groups.Where(g => !hidden.Contains(g.Key)).OrderBy(g => g.Value).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            if (total == 0 || total >= minimum)
            {
                break;
            }

            hidden.Add(next.Key);
            total += next.Value;
        }

        return hidden;
    }
}
