using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Quality;

namespace GradeLens.Core.Demo;

/// <param name="NationalStudents">Students in the national assessment (about 3.5 subjects x 2.5 domains rows each).</param>
public sealed record DemoOptions(int Seed = 42, int SecondaryStudents = 200, int NationalStudents = 100_000);

/// <summary>A generated file and the mapping that imports it.</summary>
public sealed record DemoFile(string Path, ImportMapping Mapping, string Description);

public sealed record DemoDataSet(IReadOnlyList<DemoFile> Files, QualityData Quality);

/// <summary>Seeded normal draws (Box-Muller) so every generator is reproducible from its seed.</summary>
internal static class RandomExtensions
{
    public static double Normal(this Random random, double mean = 0, double sd = 1) =>
        mean + sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
