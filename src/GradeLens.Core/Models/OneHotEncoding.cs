namespace GradeLens.Core.Models;

/// <summary>
/// Categorical columns turned into 0/1 columns named "attribute_level", one per level except the reference level
/// (the alphabetically first, by ordinal comparison, as pandas' get_dummies(drop_first=True) chooses it).
/// Learnt on training rows; a level unseen in training encodes as all zeros (the reference).
/// </summary>
public sealed record OneHotEncoding(IReadOnlyList<string> Attributes, IReadOnlyList<IReadOnlyList<string>> Levels)
{
    /// <summary>Levels per attribute, sorted; the first is the reference and gets no column.</summary>
    public static OneHotEncoding Learn(IReadOnlyList<string> attributes, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(rows);
        var levels = attributes.Select((_, j) => (IReadOnlyList<string>)rows.Select(r => r[j]).Distinct().Order(StringComparer.Ordinal).ToList()).ToList();
        return new OneHotEncoding(attributes, levels);
    }

    public IReadOnlyList<string> ColumnNames =>
        Attributes.SelectMany((a, j) => Levels[j].Skip(1).Select(level => $"{a}_{level}")).ToList();

    public FeatureMatrix Encode(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var names = ColumnNames;
        var values = new double[rows.Count * names.Count];
        var offsets = new int[Attributes.Count];
        for (var j = 1; j < Attributes.Count; j++)
        {
            offsets[j] = offsets[j - 1] + Levels[j - 1].Count - 1;
        }

        var lookup = Levels.Select(l => l.Select((level, k) => (level, k)).ToDictionary(t => t.level, t => t.k, StringComparer.Ordinal)).ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = 0; j < Attributes.Count; j++)
            {
                if (lookup[j].TryGetValue(rows[i][j], out var k) && k > 0)
                {
                    values[(i * names.Count) + offsets[j] + k - 1] = 1;
                }
            }
        }

        return new FeatureMatrix(names, values);
    }
}
