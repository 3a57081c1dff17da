using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Tests.Import.Mapping;

public sealed class MappingInferenceTests
{
    private static ImportMapping Infer(string[] headers, params string?[][] rows) =>
        MappingInference.Infer(headers, rows);

    private static ColumnMapping Column(ImportMapping mapping, string header) =>
        mapping.Columns.Single(column => column.Header == header);

    [Fact]
    public void Arabic_math_header_maps_to_Mathematics()
    {
        var mapping = Infer(["رقم الطالب", "الجنس", "رياضيات"], ["1", "ذكر", "14"], ["2", "أنثى", "17"]);
        Assert.Equal(ColumnRole.StudentId, Column(mapping, "رقم الطالب").Role);
        Assert.Equal(ColumnRole.Gender, Column(mapping, "الجنس").Role);
        var math = Column(mapping, "رياضيات");
        Assert.Equal(ColumnRole.Score, math.Role);
        Assert.Equal("Mathematics", math.Subject);
        Assert.Equal("0-20", math.Scale);
    }

    [Fact]
    public void Wide_subject_columns_get_their_subject_and_the_Final_series()
    {
        var mapping = Infer(["Student", "Mathématiques", "Lecture"], ["a", "72", "64"], ["b", "55", "90"]);
        Assert.Equal(TableKind.Students, mapping.Kind);
        Assert.Equal("Final", mapping.DefaultSeries);
        Assert.Equal(("Mathematics", "percent"), (Column(mapping, "Mathématiques").Subject, Column(mapping, "Mathématiques").Scale));
        Assert.Equal("Reading", Column(mapping, "Lecture").Subject);
    }

    [Fact]
    public void Wide_series_columns_get_their_series_and_a_baseline_column_is_a_baseline()
    {
        var mapping = Infer(["UPN", "Baseline", "Mock 1", "Mock 2"], ["A1", "5", "4.5", "6"], ["A2", "6", "U", "7"]);
        Assert.Equal(ColumnRole.Baseline, Column(mapping, "Baseline").Role);
        Assert.Equal((ColumnRole.Score, "Mock 1", "gcse-9-1"), (Column(mapping, "Mock 1").Role, Column(mapping, "Mock 1").Series, Column(mapping, "Mock 1").Scale));
        Assert.Equal("Mock 2", Column(mapping, "Mock 2").Series);
        Assert.Null(mapping.DefaultSeries);
        Assert.Null(mapping.DefaultSubject);
    }

    [Fact]
    public void Long_form_baseline_series_are_found_among_the_series_values()
    {
        var mapping = Infer(
            ["Student", "Subject", "Exam_Series", "Score", "Yellis_GCSE_Diff", "colour"],
            ["Ann", "Maths", "MOCK 1", "5", "-1", "red"],
            ["Ann", "Maths", "GCSE", "6", "0", "blue"],
            ["Ann", "Maths", "BASELINE", "6", "0", "blue"],
            ["Bo", "Art", "GCSE", "4.5", "", "black"]);
        Assert.Equal(["BASELINE"], mapping.BaselineSeries);
        Assert.Equal(ColumnRole.Series, Column(mapping, "Exam_Series").Role);
        Assert.Equal((ColumnRole.Derived, "GCSE - BASELINE"), (Column(mapping, "Yellis_GCSE_Diff").Role, Column(mapping, "Yellis_GCSE_Diff").Rule));
        Assert.Equal((ColumnRole.Derived, "values"), (Column(mapping, "colour").Role, Column(mapping, "colour").MatchedBy));
    }

    [Fact]
    public void A_colour_column_with_other_values_is_an_attribute() =>
        Assert.Equal(ColumnRole.Attribute, Column(Infer(["id", "eye colour"], ["1", "hazel"]), "eye colour").Role);

    [Fact]
    public void Numeric_non_score_columns_and_few_valued_text_are_attributes_never_dropped()
    {
        var mapping = Infer(["id", "age", "lunch", "G1"], ["1", "15", "free", "12"], ["2", "16", "standard", "9"]);
        Assert.Equal((ColumnRole.Attribute, "values"), (Column(mapping, "age").Role, Column(mapping, "age").MatchedBy));
        Assert.Equal(ColumnRole.Attribute, Column(mapping, "lunch").Role);
    }

    [Fact]
    public void Text_with_more_than_50_distinct_values_is_ignored_by_default()
    {
        var rows = Enumerable.Range(0, 60).Select(i => new string?[] { i.ToString(), $"comment {i}" }).ToArray();
        var comment = Column(Infer(["id", "teacher comment"], rows), "teacher comment");
        Assert.Equal((ColumnRole.Ignore, "default"), (comment.Role, comment.MatchedBy));
    }

    [Fact]
    public void A_misspelt_header_is_matched_fuzzily_and_says_so()
    {
        var gender = Column(Infer(["id", "Gendre"], ["1", "F"]), "Gendre");
        Assert.Equal((ColumnRole.Gender, "fuzzy (distance 1)"), (gender.Role, gender.MatchedBy));
    }

    [Fact]
    public void A_state_column_without_students_makes_an_areas_file()
    {
        var mapping = Infer(["year", "state", "avg_score", "poverty_percent", "subject", "grade"], ["2019", "Alabama", "230", "15.6", "Mathematics", "4"]);
        Assert.Equal(TableKind.Areas, mapping.Kind);
        Assert.Equal((ColumnRole.Area, "state"), (Column(mapping, "state").Role, Column(mapping, "state").AreaLevel));
        Assert.Equal(ColumnRole.AreaScore, Column(mapping, "avg_score").Role);
        Assert.Equal((ColumnRole.Measure, "poverty_percent"), (Column(mapping, "poverty_percent").Role, Column(mapping, "poverty_percent").Measure));
        Assert.Equal(ColumnRole.Subject, Column(mapping, "subject").Role);
        Assert.Equal(ColumnRole.GradeLevel, Column(mapping, "grade").Role);
        Assert.Equal(ColumnRole.Year, Column(mapping, "year").Role);
    }

    [Fact]
    public void A_state_column_beside_a_student_id_keeps_a_students_file()
    {
        var mapping = Infer(["student_id", "state", "score"], ["1", "Ohio", "70"]);
        Assert.Equal(TableKind.Students, mapping.Kind);
        Assert.Equal(ColumnRole.Attribute, Column(mapping, "state").Role);
    }

    [Fact]
    public void Zip_codes_county_and_state_are_all_areas_with_their_levels()
    {
        var mapping = Infer(["state", "county", "zip_code"], ["New York", "Suffolk County", "00501"]);
        Assert.Equal(
            [("state", "state"), ("county", "county"), ("zip_code", "zip")],
            mapping.Columns.Select(column => (column.Header, column.AreaLevel!)));
        Assert.All(mapping.Columns, column => Assert.Equal(ColumnRole.Area, column.Role));
    }

    [Fact]
    public void Every_column_says_how_it_was_matched()
    {
        var mapping = Infer(["id", "Gendr", "age", "remarks"], ["1", "F", "15", ""]);
        Assert.Equal(["synonym", "fuzzy (distance 1)", "values", "default"], mapping.Columns.Select(column => column.MatchedBy));
    }

    [Fact]
    public void Inference_never_declares_missing_codes()
    {
        var mapping = Infer(["id", "G3"], ["1", "0"], ["2", "12"]);
        Assert.Empty(Column(mapping, "G3").Missing);
    }
}
