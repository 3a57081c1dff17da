using System.Net.Http.Json;
using System.Text.Json;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GradeLens.Web.Tests;

/// <summary>The dashboard served over a PostgreSQL store (a new database on the test server), as <c>gradelens serve --store postgres://...</c> does.</summary>
public sealed class PostgresStoreWebTests
{
    [PostgresFact]
    public async Task The_api_answers_from_a_postgresql_store()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var app = await GradeLensApplication.StartAsync(store: database.Url);
        var store = app.App.Services.GetRequiredService<IGradeStore>();
        var file = Path.Combine(Path.GetTempPath(), $"tracking-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file,
            "Student,Subject,Exam_Series,Score\nAnn,Maths,MOCK 1,5\nAnn,Maths,GCSE,7\nBen,Maths,MOCK 1,4\nBen,Maths,GCSE,5\nCat,Maths,MOCK 1,U\nCat,Maths,GCSE,6\n");
        var mapping = new ImportMapping
        {
            Columns =
            [
                new() { Header = "Student", Role = ColumnRole.StudentId },
                new() { Header = "Subject", Role = ColumnRole.Subject },
                new() { Header = "Exam_Series", Role = ColumnRole.Series },
                new() { Header = "Score", Role = ColumnRole.Score, Scale = GradeScales.Gcse91Id },
            ],
        };
        var report = await store.ImportAsync(new ImportRequest([file], mapping));
        File.Delete(file);
        Assert.True(report.Succeeded, report.Message);
        using var client = app.CreateClient();

        var info = await client.GetFromJsonAsync<StoreInfo>("/api/overview", GradeLensApplication.Json);
        using var series = JsonDocument.Parse(await client.GetStringAsync("/api/tracking/series?subject=Maths"));

        Assert.Equal(database.Url, store.Location);
        Assert.Equal((3L, 6L), (info!.Students, info.TableCounts["results"]));
        var boxes = series.RootElement.GetProperty("boxes").EnumerateArray().ToList();
        Assert.Equal(["MOCK 1", "GCSE"], boxes.Select(b => b.GetProperty("series").GetString()));
        Assert.Equal(4.0, boxes[0].GetProperty("median").GetDouble());   // U (0), 4, 5
        Assert.Equal(6.0, boxes[1].GetProperty("median").GetDouble());
    }
}
