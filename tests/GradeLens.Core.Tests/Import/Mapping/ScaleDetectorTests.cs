using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Tests.Import.Mapping;

public sealed class ScaleDetectorTests
{
    [Fact]
    public void Letter_grades_are_detected_as_letters() =>
        Assert.Equal("letters-a*-g", ScaleDetector.Detect(["A*", "B", "C", "U", null]).Id);

    [Fact]
    public void Half_grades_within_0_to_9_are_gcse() =>
        Assert.Equal("gcse-9-1", ScaleDetector.Detect(["4", "5.5", "7", "0"]).Id);

    [Fact]
    public void A_U_among_grades_1_to_9_is_gcse() =>
        Assert.Equal("gcse-9-1", ScaleDetector.Detect(["U", "4", "6"]).Id);

    [Fact]
    public void Whole_grades_1_to_9_under_a_mock_header_are_gcse() =>
        Assert.Equal("gcse-9-1", ScaleDetector.Detect(["3", "5", "9"], "Mock 1").Id);

    [Fact]
    public void Whole_grades_1_to_9_without_a_hint_are_0_to_20() =>
        Assert.Equal("0-20", ScaleDetector.Detect(["3", "5", "9"], "G1").Id);

    [Fact]
    public void Marks_up_to_20_are_0_to_20() =>
        Assert.Equal("0-20", ScaleDetector.Detect(["5", "12", "19", "0"]).Id);

    [Fact]
    public void Marks_up_to_100_are_percent() =>
        Assert.Equal("percent", ScaleDetector.Detect(["72", "0", "100", " "]).Id);

    [Fact]
    public void Marks_above_100_are_points_out_of_the_highest_mark()
    {
        var scale = ScaleDetector.Detect(["120", "87", "143"]);
        Assert.Equal("points", scale.Id);
        Assert.Equal(143, scale.Maximum);
        Assert.Equal(71.5, scale.DefaultProficiency);
    }
}
