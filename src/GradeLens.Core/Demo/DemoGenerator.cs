using GradeLens.Core.Import;
using GradeLens.Core.Quality;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Demo;

/// <summary>Seeded generator of realistic demo data for every page: the same seed gives byte-identical files.</summary>
public static class DemoGenerator
{
    public const string Organisation = "demo";

    public static DemoDataSet Generate(string directory, DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(directory);
        var files = new List<DemoFile>
        {
            SecondaryCohort.Write(directory, options.SecondaryStudents, new Random(options.Seed)),
            NationalAssessment.Write(directory, options.NationalStudents, new Random(options.Seed + 1)),
        };
        files.AddRange(AreaFigures.Write(directory, new Random(options.Seed + 2)));
        return new DemoDataSet(files, UniversityQuality.Generate(new Random(options.Seed + 3)));
    }
}

/// <summary>Builds a demo store: generates the files, imports each through the normal import, writes the quality data.</summary>
public static class DemoBuilder
{
    public static async Task<IReadOnlyList<ImportReport>> BuildAsync(IGradeStore store, DemoOptions options, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var directory = Directory.CreateTempSubdirectory("gradelens-demo-").FullName;
        try
        {
            progress?.Report(new StageProgress("Generating demo data", 0.02));
            var data = DemoGenerator.Generate(directory, options);
            var reports = new List<ImportReport>();
            for (var i = 0; i < data.Files.Count; i++)
            {
                var file = data.Files[i];
                progress?.Report(new StageProgress($"Importing {Path.GetFileName(file.Path)}", 0.1 + 0.8 * i / data.Files.Count));
                var report = await store.ImportAsync(new ImportRequest([file.Path], file.Mapping, Organisation: DemoGenerator.Organisation), null, cancellationToken);
                if (!report.Succeeded)
                {
                    throw new InvalidOperationException($"The demo file {Path.GetFileName(file.Path)} did not import: {report.Message}");
                }

                reports.Add(report);
            }

            progress?.Report(new StageProgress("Writing university quality data", 0.92));
            await store.WriteQualityAsync(data.Quality, DemoGenerator.Organisation, cancellationToken);
            progress?.Report(new StageProgress("Done", 1));
            return reports;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
