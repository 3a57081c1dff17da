// TEMPORARY: stand-ins for the reading and mapping work merged from other branches. Deleted at merge.
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Import.Reading;

namespace GradeLens.Core.Import.Reading
{
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
}

namespace GradeLens.Core.Import.Mapping
{
    public sealed record GradeScale(string Id, string DisplayName, double Minimum, double Maximum, IReadOnlyDictionary<string, double> Labels, bool AllowsHalfGrades, double DefaultProficiency);

    public static class GradeScales
    {
        public static GradeScale ById(string id) => id switch
        {
            "gcse-9-1" => new(id, "GCSE 9-1", 0, 9, new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { ["U"] = 0 }, true, 4),
            "0-20" => new(id, "0-20", 0, 20, new Dictionary<string, double>(), false, 10),
            _ => new("percent", "Percent", 0, 100, new Dictionary<string, double>(), false, 50),
        };
    }

    public static class ScaleDetector
    {
        public static GradeScale Detect(IEnumerable<string?> values, string? header = null)
        {
            _ = header;
            var max = values.Select(v => double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : 0).DefaultIfEmpty(0).Max();
            return GradeScales.ById(max <= 9 ? "gcse-9-1" : max <= 20 ? "0-20" : "percent");
        }
    }

    public static class MappingInference
    {
        public static ImportMapping Infer(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string?>> sampleRows)
        {
            _ = sampleRows;
            return new ImportMapping
            {
                Columns = headers.Select(h => new ColumnMapping
                {
                    Header = h,
                    Role = h switch
                    {
                        "student_id" => ColumnRole.StudentId,
                        "school" => ColumnRole.School,
                        "region" => ColumnRole.Region,
                        "grade" => ColumnRole.GradeLevel,
                        "gender" => ColumnRole.Gender,
                        "subject" => ColumnRole.Subject,
                        "score" => ColumnRole.Score,
                        _ => ColumnRole.Attribute,
                    },
                }).ToList(),
            };
        }
    }
}
