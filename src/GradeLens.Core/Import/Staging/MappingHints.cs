using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import.Staging;

/// <summary>Roles a table's columns are known to have before inference (from how related tables join), and the rows' key.</summary>
/// <param name="Roles">Header -> the column's mapping, replacing what inference finds for that header.</param>
/// <param name="Key">The enrolment key besides the student id (<see cref="ImportMapping.Key"/>), or empty.</param>
internal sealed record MappingHints(IReadOnlyDictionary<string, ColumnMapping> Roles, IReadOnlyList<string> Key)
{
    public static MappingHints None { get; } = new(new Dictionary<string, ColumnMapping>(), []);

    public ImportMapping ApplyTo(ImportMapping inferred)
    {
        if (Roles.Count == 0 && Key.Count == 0)
        {
            return inferred;
        }

        var columns = inferred.Columns.Select(c => Roles.TryGetValue(c.Header, out var known) ? known : c).ToList();
        var hasSeries = columns.Any(c => c.Role == ColumnRole.Series);
        return inferred with
        {
            Columns = columns,
            Key = Key.Count > 0 ? Key : inferred.Key,
            DefaultSeries = hasSeries ? null : inferred.DefaultSeries,
        };
    }
}
