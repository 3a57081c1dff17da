using GradeLens.Core.Reports;

namespace GradeLens.Core.Tests.Reports;

public sealed class ReportFolderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-report-folder-").FullName;

    [Fact]
    public void A_new_or_empty_folder_is_accepted_and_a_non_empty_one_only_with_force()
    {
        var fresh = Path.Combine(_directory, "new");
        var empty = Directory.CreateDirectory(Path.Combine(_directory, "empty")).FullName;
        var used = Directory.CreateDirectory(Path.Combine(_directory, "used")).FullName;
        File.WriteAllText(Path.Combine(used, "notes.txt"), "mine");

        Assert.Null(ReportFolder.Refusal(fresh, force: false));
        Assert.Null(ReportFolder.Refusal(empty, force: false));
        Assert.Contains("is not empty", ReportFolder.Refusal(used, force: false), StringComparison.Ordinal);
        Assert.Contains("--force", ReportFolder.Refusal(used, force: false), StringComparison.Ordinal);
        Assert.Null(ReportFolder.Refusal(used, force: true));
    }

    [Fact]
    public void A_file_is_not_a_report_folder_even_with_force()
    {
        var file = Path.Combine(_directory, "report.csv");
        File.WriteAllText(file, "");

        Assert.Contains("is a file", ReportFolder.Refusal(file, force: true), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_file_names_keep_any_scripts_letters_and_make_the_rest_underscores()
    {
        Assert.Equal("mean_score_english_language_spring_2026", ReportFileName.Of("mean_score", "English Language", "Spring 2026"));
        Assert.Equal("groups_arabic_فهم_المقروء", ReportFileName.Of("groups", "Arabic", "فهم المقروء"));
        Assert.Equal("race_ethnicity", ReportFileName.Part(" Race/ethnicity "));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
