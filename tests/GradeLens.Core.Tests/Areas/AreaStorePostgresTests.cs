using System.Text.Json;
using GradeLens.Core.Areas;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.Postgres;

namespace GradeLens.Core.Tests.Areas;

/// <summary>The Areas queries are one SQL text for both stores: every NAEP file imported into each gives the same answers.</summary>
public sealed class AreaStorePostgresTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [PostgresFact]
    public async Task Every_areas_answer_of_the_postgresql_store_is_the_duckdb_stores()
    {
        await using var duck = await TempStore.CreateAsync();
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var postgres = await PostgresStore.OpenAsync(database.Url);
        foreach (var store in new IGradeStore[] { duck.Store, postgres })
        {
            Assert.All(await NaepStoreFixture.ImportAllAsync(store), r => Assert.True(r.Succeeded, r.Message));
        }

        var scope = Scope.Everything;
        await SameAsync(duck.Store, postgres, async s => AreaCorrelations.Compute((await s.GetAreaDataAsync(scope)).Panel), "panel correlations");
        await SameAsync(duck.Store, postgres, async s => (await s.GetAreaDataAsync(scope)).SubAreas, "counties");
        await SameAsync(duck.Store, postgres, async s => (await s.GetAreaDataAsync(scope)).Codes, "codes");
        await SameAsync(duck.Store, postgres, s => s.GetAreaJoinReportAsync(scope), "join report");
        await SameAsync(duck.Store, postgres, async s => (await s.GetAreaFitsAsync(scope)).Fits, "fits");
        await SameAsync(duck.Store, postgres, s => s.GetZipPredictionAsync(scope, "00501"), "zip 00501", ignore: ["version"]);
        await SameAsync(duck.Store, postgres, s => s.GetZipPredictionAsync(scope, "501"), "zip 501");
        Assert.Equal(3141, (await postgres.GetAreaDataAsync(scope)).SubAreas.Count);
    }

    /// <summary>Both stores' answers as JSON, equal but for the properties named (a fit's version holds its store's data version and time).</summary>
    private static async Task SameAsync<T>(IGradeStore duck, IGradeStore postgres, Func<IGradeStore, Task<T>> read, string what, string[]? ignore = null)
    {
        var expected = Json(await read(duck), ignore ?? []);
        var actual = Json(await read(postgres), ignore ?? []);
        Assert.True(expected == actual, $"{what} differs:\nDuckDB:     {Head(expected)}\nPostgreSQL: {Head(actual)}");
    }

    private static string Json<T>(T value, string[] ignore)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(value, Web));
        if (node is System.Text.Json.Nodes.JsonObject json)
        {
            foreach (var name in ignore)
            {
                json.Remove(name);
            }
        }

        return node?.ToJsonString() ?? "null";
    }

    private static string Head(string text) => text.Length > 400 ? text[..400] + " ..." : text;
}
