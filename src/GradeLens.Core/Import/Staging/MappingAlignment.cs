using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Import.Reading;

namespace GradeLens.Core.Import.Staging;

/// <summary>Lines a saved mapping up with a file's actual columns, by header name.</summary>
internal static class MappingAlignment
{
    public static ImportMapping Align(ImportMapping mapping, SourceTable source)
    {
        var byHeader = new Dictionary<string, ColumnMapping>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in mapping.Columns)
        {
            byHeader.TryAdd(column.Header.Trim(), column);
        }

        var headers = new HashSet<string>(source.Headers.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase);
        var missing = mapping.Columns.Where(c => c.Role != ColumnRole.Ignore && !headers.Contains(c.Header.Trim())).Select(c => "'" + c.Header + "'").ToList();
        if (missing.Count > 0)
        {
            throw new MappingMismatchException(
                $"{source.DisplayName}: the mapping names column(s) {string.Join(", ", missing)} that the file does not have (its columns are: {string.Join(", ", source.Headers)}). Nothing was imported.");
        }

        var columns = source.Headers
            .Select(h => byHeader.TryGetValue(h.Trim(), out var c)
                ? c with { Header = h, MatchedBy = "mapping file" }
                : new ColumnMapping { Header = h, Role = ColumnRole.Ignore, MatchedBy = "not in the mapping" })
            .ToList();
        return mapping with { Columns = columns };
    }
}
