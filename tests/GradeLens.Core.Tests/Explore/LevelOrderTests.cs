using GradeLens.Core.Explore;

namespace GradeLens.Core.Tests.Explore;

public sealed class LevelOrderTests
{
    public static TheoryData<string, string[], string[]> OrderedLevels => new()
    {
        { "education", ["master's degree", "some college", "high school", "bachelor's degree", "some high school", "associate's degree"],
            ["some high school", "high school", "some college", "associate's degree", "bachelor's degree", "master's degree"] },
        { "education", ["Licence", "Baccalauréat", "Sans diplôme", "Master", "Brevet", "CAP", "Doctorat", "Bac + 2"],
            ["Sans diplôme", "Brevet", "CAP", "Baccalauréat", "Bac + 2", "Licence", "Master", "Doctorat"] },
        { "education", ["A level", "GCSE", "Degree", "No qualifications", "Postgraduate"], ["No qualifications", "GCSE", "A level", "Degree", "Postgraduate"] },
        { "education", ["Bachelor’s Degree", "Master’s Degree", "PhD"], ["Bachelor’s Degree", "Master’s Degree", "PhD"] },
        { "numeric", ["10", "2", "1", "3", "9", "4", "5", "6", "7", "8"], ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"] },
        { "numeric", ["2", "10 (least deprived)", "1 (most deprived)", "3"], ["1 (most deprived)", "2", "3", "10 (least deprived)"] },
        { "numeric", ["Band 3", "Band 1", "Band 2"], ["Band 1", "Band 2", "Band 3"] },
        { "numeric", ["IMD decile 10", "IMD decile 2", "IMD decile 1"], ["IMD decile 1", "IMD decile 2", "IMD decile 10"] },
        { "numeric", ["Q5 - least deprived", "Q1 - most deprived", "Q3"], ["Q1 - most deprived", "Q3", "Q5 - least deprived"] },
        { "numeric", ["25+", "16-18", "19-24"], ["16-18", "19-24", "25+"] },
        { "numeric", ["19 and over", "under 16", "16 to 18"], ["under 16", "16 to 18", "19 and over"] },
        { "numeric", ["16–18 years", "19–24 years", "25+ years"], ["16–18 years", "19–24 years", "25+ years"] },
        { "numeric", ["Year 10", "Year 7", "Reception", "Year 1"], ["Reception", "Year 1", "Year 7", "Year 10"] },
        { "numeric", ["Y8", "Y10", "Y9"], ["Y8", "Y9", "Y10"] },
        { "numeric", ["10th grade", "9th grade", "12th grade"], ["9th grade", "10th grade", "12th grade"] },
        { "numeric", ["KS4", "KS2", "KS3"], ["KS2", "KS3", "KS4"] },
        { "numeric", ["2.5", "10", "1"], ["1", "2.5", "10"] },
        { "numeric", ["10-20%", "0-10%", "20-30%"], ["0-10%", "10-20%", "20-30%"] },
        { "level", ["High", "Low", "Medium"], ["Low", "Medium", "High"] },
        { "level", ["élevé", "faible", "moyen"], ["faible", "moyen", "élevé"] },
        { "level", ["very high", "low", "high", "very low", "moderate"], ["very low", "low", "moderate", "high", "very high"] },
        { "french school year", ["3e", "6e", "4e", "5e"], ["6e", "5e", "4e", "3e"] },
        { "french school year", ["Terminale", "Seconde", "Première"], ["Seconde", "Première", "Terminale"] },
        { "agreement", ["Agree", "Strongly disagree", "Neutral"], ["Strongly disagree", "Neutral", "Agree"] },
        { "frequency", ["often", "never", "sometimes"], ["never", "sometimes", "often"] },
        { "deprivation", ["least deprived", "most deprived"], ["most deprived", "least deprived"] },
    };

    [Theory]
    [MemberData(nameof(OrderedLevels))]
    public void Levels_with_a_natural_order_come_back_in_it(string scale, string[] levels, string[] expected)
    {
        var ordering = LevelOrder.Of(levels);

        Assert.True(ordering.Ordered, string.Join(", ", levels));
        Assert.Equal(scale, ordering.Scale);
        Assert.Equal(expected, ordering.Levels);
        Assert.Empty(ordering.Missing);
    }

    public static TheoryData<string[], string[]> UnorderedLevels => new()
    {
        { ["group B", "group A", "group E"], ["group A", "group B", "group E"] },
        { ["standard", "free/reduced"], ["free/reduced", "standard"] },
        { ["none", "completed"], ["completed", "none"] },
        { ["male", "female"], ["female", "male"] },
        { ["School 12", "School 3"], ["School 12", "School 3"] },
        { ["Band 1", "Year 2"], ["Band 1", "Year 2"] },
        { ["North", "south", "East"], ["East", "North", "south"] },
        { ["bac", "baccalauréat", "licence"], ["bac", "baccalauréat", "licence"] },
        { ["high"], ["high"] },
    };

    [Theory]
    [MemberData(nameof(UnorderedLevels))]
    public void Levels_without_a_natural_order_are_alphabetical(string[] levels, string[] expected)
    {
        var ordering = LevelOrder.Of(levels);

        Assert.False(ordering.Ordered, string.Join(", ", levels));
        Assert.Null(ordering.Scale);
        Assert.Equal(expected, ordering.Levels);
    }

    [Fact]
    public void Unknown_values_go_last_and_do_not_stop_the_others_being_ordered()
    {
        var ordering = LevelOrder.Of(["High", "(unknown)", "Low", "High", "n/a"]);

        Assert.True(ordering.Ordered);
        Assert.Equal(["Low", "High"], ordering.Levels);
        Assert.Equal(["(unknown)", "n/a"], ordering.Missing);
        Assert.Equal(["Low", "High", "(unknown)", "n/a"], ordering.All);
    }

    [Fact]
    public void The_parental_education_levels_of_the_exam_file_are_ordered()
    {
        var levels = StudentsPerformanceData.Read().Values("parental level of education");

        var ordering = LevelOrder.Of(levels);

        Assert.Equal("education", ordering.Scale);
        Assert.Equal(["some high school", "high school", "some college", "associate's degree", "bachelor's degree", "master's degree"], ordering.Levels);
    }
}
