namespace GradeLens.Core.Import.Mapping;

/// <summary>The built-in grade scales, by id.</summary>
public static class GradeScales
{
    public const string Gcse91Id = "gcse-9-1";
    public const string LettersId = "letters-a*-g";
    public const string PercentId = "percent";
    public const string ZeroToTwentyId = "0-20";
    public const string PointsId = "points";

    /// <summary>GCSE 9-1 with half grades (a tracking convention); "U" = 0; proficiency 4 (a standard pass).</summary>
    public static GradeScale Gcse91 { get; } = new()
    {
        Id = Gcse91Id,
        DisplayName = "GCSE 9-1",
        Minimum = 0,
        Maximum = 9,
        Labels = LabelsOf(("U", 0)),
        AllowsHalfGrades = true,
        WholeGradesOnly = true,
        DefaultProficiency = 4,
    };

    /// <summary>Letter grades A*-G: A* = 8 down to G = 1, U = 0; proficiency C = 5.</summary>
    public static GradeScale Letters { get; } = new()
    {
        Id = LettersId,
        DisplayName = "Letter grades A*-G",
        Minimum = 0,
        Maximum = 8,
        Labels = LabelsOf(
            ("A*", 8), ("A star", 8), ("Astar", 8), ("A", 7), ("B", 6), ("C", 5), ("D", 4), ("E", 3), ("F", 2), ("G", 1), ("U", 0)),
        WholeGradesOnly = true,
        DefaultProficiency = 5,
    };

    public static GradeScale Percent { get; } = new()
    {
        Id = PercentId,
        DisplayName = "Percent (0-100)",
        Minimum = 0,
        Maximum = 100,
        DefaultProficiency = 50,
    };

    /// <summary>The 0-20 scale of Portuguese and French secondary schools; proficiency 10.</summary>
    public static GradeScale ZeroToTwenty { get; } = new()
    {
        Id = ZeroToTwentyId,
        DisplayName = "0-20",
        Minimum = 0,
        Maximum = 20,
        DefaultProficiency = 10,
    };

    public static IReadOnlyList<string> KnownIds { get; } = [Gcse91Id, LettersId, PercentId, ZeroToTwentyId, PointsId];

    /// <summary>Raw points out of <paramref name="maximum"/>; proficiency half the maximum.</summary>
    public static GradeScale Points(double maximum)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximum);
        return new GradeScale
        {
            Id = PointsId,
            DisplayName = $"Points (0-{maximum:0.##})",
            Minimum = 0,
            Maximum = maximum,
            DefaultProficiency = maximum / 2,
        };
    }

    /// <summary>
    /// The scale with this id (case-insensitive). "points" takes <paramref name="maximum"/> (a column's
    /// declared max score), 100 when none is given.
    /// </summary>
    /// <exception cref="ArgumentException">The id is not one of <see cref="KnownIds"/>.</exception>
    public static GradeScale ById(string id, double? maximum = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Trim().ToLowerInvariant() switch
        {
            Gcse91Id => Gcse91,
            LettersId => Letters,
            PercentId => Percent,
            ZeroToTwentyId => ZeroToTwenty,
            PointsId => Points(maximum ?? 100),
            _ => throw new ArgumentException(
                $"Unknown grade scale \"{id}\". Known scales: {string.Join(", ", KnownIds)}.", nameof(id)),
        };
    }

    private static Dictionary<string, double> LabelsOf(params (string Label, double Score)[] labels) =>
        labels.ToDictionary(label => label.Label, label => label.Score, StringComparer.OrdinalIgnoreCase);
}
