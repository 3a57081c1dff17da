using GradeLens.Core.Storage;

namespace GradeLens.Core.Quality;

/// <summary>Writes an organisation's higher-education quality data into a store, replacing what it had, in one transaction (<see cref="QualityWriter"/>).</summary>
public static class QualityWrites
{
    public static async Task WriteQualityAsync(this IGradeStore store, QualityData data, string organisation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(data);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await QualityWriter.ReplaceAsync(connection, store.Sql, organisation, data, cancellationToken);
    }
}
