using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Tests.Import.Mapping;

/// <summary>The sample mappings in docs/samples: saved with ToJson, reloadable, and what inference finds in the real files.</summary>
public sealed class SampleMappingTests
{
    private static ImportMapping Sample(string relativePath) =>
        ImportMapping.FromJson(File.ReadAllText(MappingTestData.SamplePath(relativePath)));

    private static ColumnMapping Column(ImportMapping mapping, string header) =>
        mapping.Columns.Single(column => column.Header == header);

    [Theory]
    [MemberData(nameof(MappingTestData.MappedFileCases), MemberType = typeof(MappingTestData))]
    public void Sample_mapping_round_trips_through_json_unchanged(string relativePath)
    {
        var path = MappingTestData.SamplePath(relativePath);
        Assert.Contains(Path.GetFileName(relativePath), Path.GetFileName(path));
        Assert.Contains("mapping", Path.GetFileName(path));
        var json = File.ReadAllText(path);
        Assert.Equal(json.TrimEnd('\n'), ImportMapping.FromJson(json).ToJson());
    }

    [Theory]
    [MemberData(nameof(MappingTestData.MappedFileCases), MemberType = typeof(MappingTestData))]
    public void Inference_on_the_real_file_agrees_with_its_sample_mapping(string relativePath)
    {
        var (headers, rows) = MappingTestData.ReadSample(relativePath);
        var inferred = MappingInference.Infer(headers, rows);
        var sample = Sample(relativePath);
        Assert.Equal(sample.Kind, inferred.Kind);
        Assert.Equal(
            sample.Columns.Select(column => (column.Header, column.Role, column.AreaLevel, column.Series, column.Scale)),
            inferred.Columns.Select(column => (column.Header, column.Role, column.AreaLevel, column.Series, column.Scale)));

        // A sample may add a subject inference cannot see (grade_4_math_all_years.csv), never contradict one.
        Assert.All(
            inferred.Columns.Where(column => column.Subject is not null),
            column => Assert.Equal(column.Subject, Column(sample, column.Header).Subject));
    }

    [Fact]
    public void Student_mat_is_mathematics_in_three_periods_on_0_to_20_with_G3_zero_missing()
    {
        var mapping = Sample("uci-student/student-mat.csv");
        Assert.Equal("Mathematics", mapping.DefaultSubject);
        foreach (var period in new[] { "G1", "G2", "G3" })
        {
            var column = Column(mapping, period);
            Assert.Equal((ColumnRole.Score, period, "0-20"), (column.Role, column.Series, column.Scale));
        }

        Assert.Equal(["0"], Column(mapping, "G3").Missing);
        Assert.Equal(1, mapping.Columns.Count(column => column.Missing.Count > 0));
        Assert.Equal(ColumnRole.Gender, Column(mapping, "sex").Role);
        Assert.Equal(ColumnRole.Attribute, Column(mapping, "absences").Role);
    }

    [Fact]
    public void Yellis_is_long_form_gcse_with_a_BASELINE_series_and_derived_diff_and_colour()
    {
        var mapping = Sample("yellis-tracking/merged_yellis_diff_with_exams.csv");
        Assert.Equal(
            [ColumnRole.StudentId, ColumnRole.Gender, ColumnRole.Subject, ColumnRole.Series, ColumnRole.Score, ColumnRole.Derived, ColumnRole.Derived],
            mapping.Columns.Select(column => column.Role));
        Assert.Equal("gcse-9-1", Column(mapping, "Score").Scale);
        Assert.Equal(["BASELINE"], mapping.BaselineSeries);
        Assert.Equal("GCSE - BASELINE", Column(mapping, "Yellis_GCSE_Diff").Rule);
    }

    [Fact]
    public void Students_performance_has_three_wide_percent_subjects_in_the_Final_series()
    {
        var mapping = Sample("students-performance/StudentsPerformance.csv");
        Assert.Equal("Final", mapping.DefaultSeries);
        Assert.Equal(
            [("math score", "Mathematics"), ("reading score", "Reading"), ("writing score", "Writing")],
            mapping.Columns.Where(column => column.Role == ColumnRole.Score).Select(column => (column.Header, column.Subject!)));
        Assert.All(mapping.Columns.Where(column => column.Role == ColumnRole.Score), column => Assert.Equal("percent", column.Scale));
        Assert.Equal(ColumnRole.Gender, Column(mapping, "gender").Role);
        Assert.Equal(4, mapping.Columns.Count(column => column.Role == ColumnRole.Attribute));
    }

    [Fact]
    public void Grade_4_math_average_score_is_an_area_score_for_grade_4_Mathematics()
    {
        var score = Column(Sample("naep/grade_4_math_all_years.csv"), "average_score");
        Assert.Equal((ColumnRole.AreaScore, "4", "Mathematics"), (score.Role, score.GradeLevel, score.Subject));
    }

    [Fact]
    public void Naep_long_file_takes_subject_and_grade_from_the_row()
    {
        var mapping = Sample("naep/naep.csv");
        Assert.Equal(TableKind.Areas, mapping.Kind);
        Assert.Equal(
            [ColumnRole.Year, ColumnRole.Area, ColumnRole.AreaScore, ColumnRole.Subject, ColumnRole.GradeLevel],
            mapping.Columns.Select(column => column.Role));
    }

    [Fact]
    public void Zip_code_file_has_zip_county_and_state_areas()
    {
        var mapping = Sample("naep/zip_code.csv");
        Assert.Equal(
            [("state", "state"), ("county", "county"), ("zip_code", "zip")],
            mapping.Columns.Select(column => (column.Header, column.AreaLevel!)));
        Assert.All(mapping.Columns, column => Assert.Equal(ColumnRole.Area, column.Role));
    }

    [Theory]
    [InlineData("naep/county_id.csv", "county_id", "county")]
    [InlineData("naep/state_table.csv", "STATE_ID", "state")]
    public void Id_columns_are_area_codes(string relativePath, string header, string level)
    {
        var column = Column(Sample(relativePath), header);
        Assert.Equal((ColumnRole.AreaCode, level), (column.Role, column.AreaLevel));
    }
}
