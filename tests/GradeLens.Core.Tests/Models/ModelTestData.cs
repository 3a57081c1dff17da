using System.Globalization;
using GradeLens.Core.Models;

namespace GradeLens.Core.Tests.Models;

/// <summary>The shared CSVs read plainly (quotes stripped), as the reference script read them with pandas.</summary>
internal static class ModelTestData
{
    public static IReadOnlyList<Dictionary<string, string>> Read(string relative, char separator)
    {
        var lines = File.ReadAllLines(SharedFiles.Path(relative)).Where(l => l.Length > 0).ToArray();
        var header = Split(lines[0].TrimStart('\uFEFF'), separator);
        return lines.Skip(1).Select(l => header.Zip(Split(l, separator)).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static string[] Split(string line, char separator) => line.Split(separator).Select(f => f.Trim('"')).ToArray();

    public static double Number(this Dictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);

    /// <summary>uci_math: label fail = G3 &lt; 10; features G1, G2, absences, failures, studytime as they are.</summary>
    public static (FeatureMatrix X, bool[] Y, IReadOnlyList<Dictionary<string, string>> Rows) UciMath()
    {
        string[] features = ["G1", "G2", "absences", "failures", "studytime"];
        var rows = Read("uci-student/student-mat.csv", ';');
        var x = FeatureMatrix.FromRows(features, rows.Select(r => features.Select(f => r.Number(f)).ToArray()));
        return (x, rows.Select(r => r.Number("G3") < 10).ToArray(), rows);
    }
}
