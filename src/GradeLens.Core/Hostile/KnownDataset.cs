using System.Globalization;

namespace GradeLens.Core.Hostile;

/// <summary>
/// The small dataset the probe's store holds before every hostile import: twelve pupils "S01".."S12" with a gender, a
/// school and two scores on 0-100. A refused import must leave it exactly so; some kinds spoil a copy of it.
/// </summary>
public static class KnownDataset
{
    public const string FileName = "known-dataset.csv";

    public static IReadOnlyList<string[]> Rows { get; } =
    [
        .. Enumerable.Range(1, 12).Select(i => new[]
        {
            "S" + i.ToString("00", CultureInfo.InvariantCulture),
            i % 2 == 0 ? "F" : "M",
            i <= 6 ? "School A" : "School B",
            (35 + (i * 37 % 60)).ToString(CultureInfo.InvariantCulture),
            (40 + (i * 23 % 55)).ToString(CultureInfo.InvariantCulture),
        }),
    ];

    public static string Csv() => HostileRows.Csv(Rows);

    /// <summary>Writes the dataset's CSV into <paramref name="directory"/> and returns its path.</summary>
    public static string Write(string directory)
    {
        var path = Path.Combine(directory, FileName);
        File.WriteAllBytes(path, HostileRows.Utf8(Csv()));
        return path;
    }

    /// <summary>A copy of the rows, to spoil.</summary>
    internal static List<string[]> Copy() => [.. Rows.Select(r => (string[])r.Clone())];
}
