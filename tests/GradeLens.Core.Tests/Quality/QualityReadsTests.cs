using GradeLens.Core.Benchmarks;
using GradeLens.Core.Demo;
using GradeLens.Core.Quality.Import;

namespace GradeLens.Core.Tests.Quality;

/// <summary>The Quality entry points on a real store file: the choices, answers kept per data version, the turnaround view and the store's import.</summary>
public sealed class QualityReadsTests
{
    private static readonly Scope Uni = Scope.ForOrganisation("uni");

    [Fact]
    public async Task Choices_list_faculties_programmes_and_terms_in_deadline_order_and_a_filter_naming_nothing_is_refused_by_field()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.WriteQualityAsync(QualityTestData.Demo, "uni");

        var choices = await temp.Store.GetQualityChoicesAsync(Uni);

        Assert.True(choices.HasData);
        Assert.Equal(144, choices.Modules);
        Assert.Equal(["2024-Fall", "2025-Spring", "2025-Fall"], choices.Terms);
        Assert.Equal(["Business and Computing", "Health", "Law and Engineering"], choices.Faculties);
        Assert.Equal(6, choices.Programmes.Count);
        Assert.All(choices.Programmes, p => Assert.Equal(24, p.Modules));
        Assert.Null(choices.Refusal(new QualityFilter("Health", "Medicine", "2025-Fall")));
        Assert.Null(choices.Refusal(new QualityFilter(Programme: "P1")));
        Assert.Equal("faculty", choices.Refusal(new QualityFilter(Faculty: "Divinity"))?.Field);
        Assert.Equal("programme", choices.Refusal(new QualityFilter(Programme: "P99"))?.Field);
        Assert.Equal("term", choices.Refusal(new QualityFilter(Term: "1999-Fall"))?.Field);
        Assert.False((await temp.Store.GetQualityChoicesAsync(Scope.ForOrganisation("elsewhere"))).HasData);
    }

    [Fact]
    public async Task An_answer_is_kept_until_the_data_changes_and_then_computed_again()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.WriteQualityAsync(QualityTestData.OneModule(30, 20), "uni");

        var first = await temp.Store.GetPassRatesAsync(Uni, QualityFilter.All);
        var again = await temp.Store.GetPassRatesAsync(Uni, QualityFilter.All);
        var weighted = await temp.Store.GetPassRatesAsync(Uni, QualityFilter.All, QualityOptions.Default with { Marks = new MarkRule(Weighted: true) });
        await temp.Store.WriteQualityAsync(QualityTestData.OneModule(30, 25), "uni");
        var after = await temp.Store.GetPassRatesAsync(Uni, QualityFilter.All);

        Assert.Same(first, again);
        Assert.NotSame(first, weighted);
        Assert.Equal(20, Assert.Single(first.Modules).PassRate.Count);
        Assert.Equal(25, Assert.Single(after.Modules).PassRate.Count);
    }

    [Fact]
    public async Task The_turnaround_view_counts_each_returned_assessment_once_and_lists_outstanding_work_oldest_first()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.WriteQualityAsync(QualityTestData.Demo, "uni");

        var answer = await temp.Store.GetTurnaroundAsync(Uni, QualityFilter.All, QualityTestData.AsOf);
        var view = await temp.Store.GetTurnaroundViewAsync(Uni, QualityFilter.All, QualityTestData.AsOf, listed: 5);

        var returned = answer.Assessments.Where(a => a.Status == TurnaroundStatus.Returned).ToList();
        var outstanding = answer.Assessments.Where(a => a.Status == TurnaroundStatus.Outstanding).ToList();
        Assert.Equal(answer.Assessments.Count, view.Assessments);
        Assert.Equal(returned.Count, view.Returned);
        Assert.Equal(returned.Count, view.Histogram.Sum(h => h.Assessments));
        Assert.All(view.Histogram, h => Assert.Equal(returned.Count(a => a.WorkingDays == h.WorkingDays), h.Assessments));
        Assert.Equal(returned.Count, view.Bins.Sum(b => b.Working));
        Assert.Equal(outstanding.Count, view.Outstanding);
        Assert.True(outstanding.Count > 5, "the demo has work outstanding");
        Assert.Equal(5, view.OutstandingListed.Count);
        Assert.Equal(outstanding.Max(a => a.WorkingDays), view.OutstandingListed[0].WorkingDays);
        Assert.True(view.OutstandingListed.Zip(view.OutstandingListed.Skip(1)).All(p => p.First.WorkingDays >= p.Second.WorkingDays));
        var days = returned.Select(a => a.WorkingDays!.Value).Order().ToList();
        Assert.Equal(days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2.0, view.MedianWorkingDays);
        Assert.Same(answer.WithinPolicy, view.WithinPolicy);
    }

    [Fact]
    public async Task The_stores_import_writes_a_universitys_tables_a_dry_run_writes_nothing_and_importing_again_changes_nothing()
    {
        await using var temp = await TempStore.CreateAsync();
        var shape = UniversityShape.ForStudents(600);
        var folder = temp.PathOf("tables");
        QualityCsvWriter.Write(folder, shape, seed: 5);

        var dry = await temp.Store.ImportQualityAsync([folder], "uni", dryRun: true);
        Assert.True(dry.Succeeded, dry.Message);
        Assert.False((await temp.Store.GetQualityChoicesAsync(Uni)).HasData);

        var report = await temp.Store.ImportQualityAsync([folder], "uni");
        Assert.True(report.Succeeded, report.Message);
        var imported = await temp.Store.GetPassRatesAsync(Uni, QualityFilter.All);
        var again = await temp.Store.ImportQualityAsync([folder], "uni");
        Assert.True(again.Succeeded, again.Message);
        var reimported = await temp.Store.GetPassRatesAsync(Uni, QualityFilter.All);

        Assert.NotSame(imported, reimported); // the data version moved, so the answer was computed again: the same
        Assert.Equal(Published(imported), Published(reimported));
        await temp.Store.WriteQualityAsync(UniversityQuality.Generate(new Random(5), shape), "uni");
        Assert.Equal(Published(imported), Published(await temp.Store.GetPassRatesAsync(Uni, QualityFilter.All)));
    }

    private static IReadOnlyList<string> Published(PassRates rates) =>
        [.. rates.Modules.Select(m => $"{m.ModuleId} {m.PassRate.Count}/{m.PassRate.Of} {m.StudentsWithoutMark}"),
            .. rates.Programmes.Select(p => $"{p.ProgrammeId} {p.Term} {p.Students} {p.PassRate.Count}/{p.PassRate.Of}")];
}
