// TEMPORARY: stand-in for the demo generator merged from another branch. Deleted at merge.
using GradeLens.Core.Storage;

namespace GradeLens.Core.Demo;

public sealed record DemoOptions(int Seed = 42, int SecondaryStudents = 200, int NationalStudents = 100_000);

public static class DemoBuilder
{
    public static Task<IReadOnlyList<Import.ImportReport>> BuildAsync(IGradeStore store, DemoOptions options, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        _ = (store, options, progress, ct);
        return Task.FromResult<IReadOnlyList<Import.ImportReport>>([]);
    }
}
