using System.Globalization;

namespace GradeLens.Core.Models;

/// <summary>A feature before encoding: numbers (NaN where missing) or categories (null where missing), one value per row.</summary>
public sealed record RawColumn(string Name, double[]? Numbers, string?[]? Categories)
{
    public int Rows => Numbers?.Length ?? Categories!.Length;

    public static RawColumn Numeric(string name, double[] values) => new(name, values, null);

    public static RawColumn Categorical(string name, string?[] values) => new(name, null, values);

    /// <summary>
    /// A student attribute's recorded text: a number column when every recorded value is a number (studied credits,
    /// previous attempts, absences), else categories; <paramref name="asCategories"/> forces categories.
    /// </summary>
    public static RawColumn FromText(string name, IReadOnlyList<string?> values, bool asCategories = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        var numbers = new double[values.Count];
        var numeric = !asCategories;
        var any = false;
        for (var i = 0; i < values.Count && numeric; i++)
        {
            if (values[i] is not { } text)
            {
                numbers[i] = double.NaN;
                continue;
            }

            any = true;
            numeric = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) && double.IsFinite(numbers[i]);
        }

        return numeric && any ? Numeric(name, numbers) : Categorical(name, [.. values]);
    }
}

/// <summary>The columns of the design matrix that came from one feature (its value and missing indicator, or its levels).</summary>
public sealed record FeatureGroup(string Name, IReadOnlyList<int> Columns);

/// <summary>How many rows had no value for a feature (imputed, with an indicator column, or the "(missing)" level).</summary>
public sealed record MissingValues(string Feature, int Missing, int Rows);

/// <summary>The design matrix, which of its columns each feature became, what was missing and what was left out.</summary>
/// <param name="ConditionNumber">Of the standardised design (null with one column): above <see cref="DesignCheck.MaximumCondition"/> the coefficients are not shown.</param>
public sealed record BuiltFeatures(FeatureMatrix X, IReadOnlyList<FeatureGroup> Groups, IReadOnlyList<MissingValues> Missing, IReadOnlyList<string> Notes, double? ConditionNumber)
{
    public bool IllConditioned => ConditionNumber is > DesignCheck.MaximumCondition;
}

/// <summary>
/// The one feature encoding of every model page (Risk, Triage, Students, Models) and <c>gradelens train</c>:
/// a number stays a number; a missing number gets the column's mean and a 0/1 "name (missing)" indicator column; a
/// category becomes 0/1 columns "name_level", one per level except the reference (the alphabetically first recorded
/// level, never "(missing)"), and a missing category is its own level "(missing)". Columns that never vary, categories
/// with more than <see cref="MaximumLevels"/> levels, and columns that repeat others (<see cref="DesignCheck"/>) are left
/// out, each with a note.
/// </summary>
public static class FeatureBuilder
{
    public const string MissingLevel = "(missing)";

    public const string MissingSuffix = " (missing)";

    /// <summary>A category with more levels than this is left out (it would add a column per school or postcode).</summary>
    public const int MaximumLevels = 30;

    public static BuiltFeatures Build(IReadOnlyList<RawColumn> columns, int rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var names = new List<string>();
        var values = new List<double[]>();
        var sources = new List<int>();
        var missing = new List<MissingValues>();
        var notes = new List<string>();
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            if (column.Rows != rows)
            {
                throw new ArgumentException($"'{column.Name}' has {column.Rows} values for {rows} rows.", nameof(columns));
            }

            var before = names.Count;
            var absent = column.Numbers is { } numbers ? AddNumeric(column.Name, numbers, names, values, notes) : AddCategories(column.Name, column.Categories!, names, values, notes);
            sources.AddRange(Enumerable.Repeat(c, names.Count - before));
            if (absent > 0 && names.Count > before)
            {
                missing.Add(new MissingValues(column.Name, absent, rows));
            }
        }

        if (names.Count == 0)
        {
            throw new Risk.RiskDataException("No usable features: " + (notes.Count > 0 ? string.Join(" ", notes) : "none was chosen."));
        }

        var matrix = new double[rows * names.Count];
        for (var j = 0; j < names.Count; j++)
        {
            var column = values[j];
            for (var i = 0; i < rows; i++)
            {
                matrix[(i * names.Count) + j] = column[i];
            }
        }

        var check = DesignCheck.Run(new FeatureMatrix(names, matrix));
        notes.AddRange(check.Notes);
        var kept = check.Kept;
        var x = kept.Count == names.Count ? new FeatureMatrix(names, matrix) : new FeatureMatrix(names, matrix).Select(kept);
        var groups = kept.Select((j, position) => (Source: sources[j], Position: position)).GroupBy(t => t.Source)
            .Select(g => new FeatureGroup(columns[g.Key].Name, g.Select(t => t.Position).ToList())).ToList();
        return new BuiltFeatures(x, groups, missing, notes, check.ConditionNumber);
    }

    /// <summary>Adds the value column (mean-imputed) and, when some are missing, the indicator; returns how many were missing.</summary>
    private static int AddNumeric(string name, double[] numbers, List<string> names, List<double[]> values, List<string> notes)
    {
        var present = numbers.Where(v => !double.IsNaN(v)).ToArray();
        var absent = numbers.Length - present.Length;
        if (present.Length == 0)
        {
            notes.Add($"'{name}' has no value for any student: left out.");
            return absent;
        }

        var mean = present.Average();
        var varies = present.Any(v => Math.Abs(v - present[0]) > 1e-12 * (1 + Math.Abs(present[0])));
        if (varies)
        {
            names.Add(name);
            values.Add(numbers.Select(v => double.IsNaN(v) ? mean : v).ToArray());
        }

        if (absent > 0)
        {
            names.Add(name + MissingSuffix);
            values.Add(numbers.Select(v => double.IsNaN(v) ? 1.0 : 0.0).ToArray());
        }

        if (!varies)
        {
            notes.Add(absent > 0
                ? $"'{name}' is the same for every student who has it: only whether it is missing is a feature."
                : $"'{name}' never varies: left out.");
        }

        return absent;
    }

    private static int AddCategories(string name, string?[] categories, List<string> names, List<double[]> values, List<string> notes)
    {
        var absent = categories.Count(v => v is null);
        var levels = categories.Where(v => v is not null).Select(v => v!).Distinct().Order(StringComparer.Ordinal).ToList();
        if (levels.Count > MaximumLevels)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"'{name}' has {levels.Count} values (more than {MaximumLevels}): left out."));
            return 0;
        }

        // The reference is a recorded level; "(missing)" always gets a column of its own.
        var encoded = levels.Skip(1).ToList();
        if (absent > 0)
        {
            encoded.Add(MissingLevel);
        }

        if (encoded.Count == 0 || (levels.Count == 0 && absent == categories.Length))
        {
            notes.Add(levels.Count == 0 ? $"'{name}' is not recorded for any student: left out." : $"'{name}' is '{levels[0]}' for every student: left out.");
            return 0;
        }

        var position = encoded.Select((level, k) => (level, k)).ToDictionary(t => t.level, t => t.k, StringComparer.Ordinal);
        var start = names.Count;
        foreach (var level in encoded)
        {
            names.Add($"{name}_{level}");
            values.Add(new double[categories.Length]);
        }

        for (var i = 0; i < categories.Length; i++)
        {
            if (position.TryGetValue(categories[i] ?? MissingLevel, out var k))
            {
                values[start + k][i] = 1;
            }
        }

        return absent;
    }
}
