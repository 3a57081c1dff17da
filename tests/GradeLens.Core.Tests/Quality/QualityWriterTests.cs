using GradeLens.Core.Quality;
using GradeLens.Core.Tests.Storage;

namespace GradeLens.Core.Tests.Quality;

/// <summary>The one writer on both stores: the DDL it writes to, one organisation replaced at a time, all or nothing.</summary>
public abstract class QualityWriterContractTests
{
    private protected abstract Task<QualityTestStore> StoreAsync();

    [StoreFact]
    public async Task QualityTables_sql_creates_every_table_with_the_writers_columns_in_order()
    {
        await using var store = await StoreAsync();
        foreach (var table in QualityTables.All.Append(QualityTables.ModuleMarks))
        {
            await using var command = store.Connection.CreateCommand();
            command.CommandText = $"SELECT column_name FROM information_schema.columns WHERE table_name = '{table.Name}' ORDER BY ordinal_position";
            var columns = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }

            Assert.Equal(table.Columns.Select(c => c.Name).Prepend("organisation"), columns);
        }
    }

    [StoreFact]
    public async Task Writing_an_organisation_replaces_its_rows_and_leaves_the_others_alone()
    {
        await using var store = await StoreAsync();
        var data = QualityTestData.OneModule(30, 25);
        var withExtras = data with
        {
            SurveySummaries = [new SurveySummary("M1", "Assessment", 4.2, 20, 30)],
            Complaints = [new Complaint("C1", "S1", "Assessment", new DateOnly(2025, 1, 6), null, false)],
            Placements = [new Placement("S2", "NHS-A", new DateOnly(2025, 2, 3), null, "Pass")],
            Admissions = [new Admission("APP1", null, "International", "Offer", new DateOnly(2024, 4, 2))],
        };
        await QualityWriter.ReplaceAsync(store.Connection, store.Sql, "north", withExtras, default);
        await QualityWriter.ReplaceAsync(store.Connection, store.Sql, "south", data, default);
        var before = await QualityImportFiles.TablesAsync(store);
        var written = await QualityWriter.ReplaceAsync(store.Connection, store.Sql, "north", withExtras, default);

        Assert.Equal(before, await QualityImportFiles.TablesAsync(store));
        Assert.Equal(30, written["he_grades"]);
        Assert.Equal(1, await store.CountAsync("he_complaints", "north"));
        Assert.Equal(0, await store.CountAsync("he_complaints", "south"));
        Assert.Equal(30, await store.CountAsync("he_module_marks", "south"));
        Assert.Contains("north|M1|S1|1|60|60|1", await store.RowsAsync("he_module_marks"));

        await QualityWriter.ReplaceAsync(store.Connection, store.Sql, "north", QualityTestData.OneModule(3, 1), default);
        Assert.Equal(3, await store.CountAsync("he_module_marks", "north"));
        Assert.Equal(30, await store.CountAsync("he_grades", "south"));
    }

    [StoreFact]
    public async Task A_write_that_fails_part_way_leaves_the_organisations_rows_as_they_were()
    {
        await using var store = await StoreAsync();
        await QualityWriter.ReplaceAsync(store.Connection, store.Sql, "uni", QualityTestData.OneModule(30, 25), default);
        var before = await QualityImportFiles.TablesAsync(store);
        // The last grade's student is null: the NOT NULL column fails the COPY or the appender after the deletes and other tables.
        var broken = QualityTestData.OneModule(40, 10);
        broken = broken with { Grades = [.. broken.Grades.Take(39), broken.Grades[39] with { StudentId = null! }] };
        await Assert.ThrowsAnyAsync<Exception>(() => QualityWriter.ReplaceAsync(store.Connection, store.Sql, "uni", broken, default));
        Assert.Equal(before, await QualityImportFiles.TablesAsync(store));
    }
}

public sealed class DuckDbQualityWriterTests : QualityWriterContractTests
{
    private protected override Task<QualityTestStore> StoreAsync() => QualityTestStore.DuckDbAsync();
}

[RequiresPostgres]
public sealed class PostgresQualityWriterTests : QualityWriterContractTests
{
    private protected override Task<QualityTestStore> StoreAsync() => QualityTestStore.PostgresAsync();
}
