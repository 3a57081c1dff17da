using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Import;

namespace GradeLens.Core.Quality.Import;

/// <summary>The rejected rows of <c>qr</c>, located in the user's files: file, line, the file's own header, value and reason.</summary>
internal static class QualityRejects
{
    public static async Task<(IReadOnlyList<RejectedRow> Listed, long Total)> ListAsync(
        DuckDBConnection staging, IReadOnlyList<QualityStagedFile> files, IReadOnlyList<RejectedRow> fileRejects, int limit, CancellationToken cancellationToken)
    {
        var byNumber = files.ToDictionary(f => f.Number);
        var listed = new List<RejectedRow>(fileRejects.Take(limit));
        long total = fileRejects.Count;
        await using var command = staging.CreateCommand();
        command.CommandText = $"""
            SELECT file_no, row_index, col, value, reason, other_file, other_row, count(*) OVER () AS total
            FROM qr ORDER BY file_no, row_index, col LIMIT {Math.Max(1, limit - listed.Count).ToString(CultureInfo.InvariantCulture)}
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            rows = Convert.ToInt64(reader.GetValue(7), CultureInfo.InvariantCulture);
            if (listed.Count >= limit)
            {
                continue;
            }

            var file = byNumber[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)];
            var reason = reader.GetString(4);
            if (!reader.IsDBNull(5))
            {
                var other = byNumber[Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture)];
                var line = other.Staged.LineOf(Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture));
                reason = reason.Replace("{first}", other == file ? $"line {line}" : $"line {line} of {other.Source.DisplayName}", StringComparison.Ordinal);
            }

            listed.Add(new RejectedRow(file.Source.DisplayName, file.Staged.LineOf(Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)),
                file.HeaderOf(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3), reason));
        }

        return (listed, total + rows);
    }
}
