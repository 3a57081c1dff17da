namespace GradeLens.Core.Storage;

/// <summary>
/// What a caller may see. Every read of the store takes one, and the store applies it in SQL
/// (never by filtering rows in C#).
/// </summary>
/// <param name="Organisation">Only this organisation's rows; null for every organisation (admin).</param>
/// <param name="Schools">Only these schools; null for all schools of the organisation.</param>
/// <param name="AggregatesOnly">No student-level rows; groups below <paramref name="MinimumCellSize"/> are suppressed.</param>
/// <param name="MinimumCellSize">Smallest group shown in an aggregate view.</param>
public sealed record Scope(
    string? Organisation,
    IReadOnlyList<string>? Schools = null,
    bool AggregatesOnly = false,
    int MinimumCellSize = Scope.DefaultMinimumCellSize)
{
    public const int DefaultMinimumCellSize = 10;

    /// <summary>Everything in the store: the local single-user default and admins.</summary>
    public static Scope Everything { get; } = new(Organisation: null);

    public static Scope ForOrganisation(string organisation) => new(organisation);
}
