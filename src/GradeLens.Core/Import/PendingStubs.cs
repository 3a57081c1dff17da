// TEMPORARY: stand-in for the reading work merged from another branch. Deleted at merge.
namespace GradeLens.Core.Import.Reading;

public static class TableFileReader
{
    public static IReadOnlyList<SourceTable> Open(string path, string? sheet = null, string? displayName = null)
    {
        _ = sheet;
        var first = File.ReadLines(path).First().TrimStart('\uFEFF');
        var delimiter = first.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var headers = first.Split(delimiter).Select(h => h.Trim('"')).ToList();
        return [new SourceTable(displayName ?? Path.GetFileName(path), path, path, delimiter, headers, "UTF-8", 2, null, false, [])];
    }
}
