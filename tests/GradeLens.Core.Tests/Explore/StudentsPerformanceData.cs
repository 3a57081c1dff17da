using System.Globalization;
using GradeLens.Core.Explore;

namespace GradeLens.Core.Tests.Explore;

/// <summary>
/// StudentsPerformance.csv read here, independently of the import (a BOM, every field quoted), and each group's
/// sufficient statistics computed from its rows: two-pass mean and variance, and average ranks over all students.
/// </summary>
internal sealed class StudentsPerformanceData
{
    public const string File = "students-performance/StudentsPerformance.csv";

    private StudentsPerformanceData(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        Headers = headers;
        Rows = rows;
    }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<string[]> Rows { get; }

    public static StudentsPerformanceData Read()
    {
        var lines = System.IO.File.ReadAllLines(SharedFiles.Path(File), System.Text.Encoding.UTF8)
            .Where(l => l.Length > 0).ToList();
        var headers = Fields(lines[0].TrimStart('\uFEFF'));
        return new StudentsPerformanceData(headers, lines.Skip(1).Select(l => Fields(l).ToArray()).ToList());
    }

    public IReadOnlyList<double> Scores(string subject)
    {
        var column = Column(subject);
        return Rows.Select(r => double.Parse(r[column], CultureInfo.InvariantCulture)).ToList();
    }

    public IReadOnlyList<string> Values(string attribute)
    {
        var column = Column(attribute);
        return Rows.Select(r => r[column]).ToList();
    }

    /// <summary>Each value of the attribute with its students' statistics for the subject, in ordinal order of the values; and the tie term.</summary>
    public (IReadOnlyList<GroupStatistics> Groups, double TieTerm) Groups(string attribute, string subject)
    {
        var scores = Scores(subject);
        var values = Values(attribute);
        var ranks = AverageRanks(scores);
        var groups = Enumerable.Range(0, scores.Count)
            .GroupBy(i => values[i])
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var x = g.Select(i => scores[i]).ToList();
                var mean = x.Average();
                var variance = x.Count > 1 ? x.Sum(v => (v - mean) * (v - mean)) / (x.Count - 1) : 0;
                return new GroupStatistics(g.Key, x.Count, mean, variance, g.Sum(i => ranks[i]));
            })
            .ToList();
        var tieTerm = scores.GroupBy(s => s).Sum(g => Math.Pow(g.Count(), 3) - g.Count());
        return (groups, tieTerm);
    }

    /// <summary>1-based ranks, tied scores sharing the mean of the ranks they span.</summary>
    public static double[] AverageRanks(IReadOnlyList<double> scores)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[scores.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            for (var j = start; j <= end; j++)
            {
                ranks[order[j]] = (start + end) / 2.0 + 1;
            }

            start = end + 1;
        }

        return ranks;
    }

    private int Column(string name)
    {
        var column = Headers.ToList().IndexOf(name);
        return column >= 0 ? column : throw new ArgumentException($"{name} is not a column of {File}.", nameof(name));
    }

    private static List<string> Fields(string line) => GradeLens.Testing.CsvLine.Fields(line);
}
