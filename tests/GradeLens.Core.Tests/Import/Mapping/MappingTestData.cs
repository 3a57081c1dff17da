using System.Text;

namespace GradeLens.Core.Tests.Import.Mapping;

/// <summary>Finds the shared datasets and the sample mappings, and reads a file's header and first rows.</summary>
internal static class MappingTestData
{
    /// <summary>Every students or areas file that has a sample mapping in docs/samples.</summary>
    public static readonly string[] MappedFiles =
    [
        "students-performance/StudentsPerformance.csv",
        "uci-student/student-mat.csv",
        "yellis-tracking/merged_yellis_diff_with_exams.csv",
        "naep/county_data.csv",
        "naep/county_id.csv",
        "naep/est13us.csv",
        "naep/est15us.csv",
        "naep/est17us.csv",
        "naep/grade_4_math_all_years.csv",
        "naep/naep.csv",
        "naep/percentage_instructional_spending_revenue.csv",
        "naep/poverty_income.csv",
        "naep/state_table.csv",
        "naep/total_revenue_data.csv",
        "naep/unemployment_crime.csv",
        "naep/zip_code.csv",
    ];

    public static IEnumerable<object[]> MappedFileCases => MappedFiles.Select(file => new object[] { file });

    /// <summary>/work/shared/data (or wherever "shared/data" is above the test binaries).</summary>
    public static string SharedData => SharedFiles.DataDirectory;

    /// <summary>docs/samples of this repository.</summary>
    public static string Samples => SharedFiles.SamplesDirectory;

    public static string SharedFile(string relativePath) => Path.Combine(SharedData, relativePath);

    public static string SamplePath(string relativePath) => SharedFiles.Mapping(relativePath);

    /// <summary>Header and the first <paramref name="rowCount"/> rows: delimiter guessed from the header (';' or ','), quotes respected, BOM stripped.</summary>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string?>> Rows) ReadSample(string relativePath, int rowCount = 200)
    {
        using var reader = new StreamReader(SharedFile(relativePath), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var headerLine = (reader.ReadLine() ?? "").TrimStart('\uFEFF');
        var delimiter = headerLine.Count(c => c == ';') > headerLine.Count(c => c == ',') ? ';' : ',';
        var headers = Split(headerLine, delimiter).Select(field => field ?? "").ToList();
        var rows = new List<IReadOnlyList<string?>>();
        while (rows.Count < rowCount && reader.ReadLine() is { } line)
        {
            rows.Add(Split(line, delimiter));
        }

        return (headers, rows);
    }

    private static List<string?> Split(string line, char delimiter) => [.. GradeLens.Core.Import.Reading.CsvLine.Split(line, delimiter)];
}
