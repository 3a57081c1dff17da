using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Tests.Import.Mapping;

public sealed class HeaderMatcherTests
{
    private readonly HeaderMatcher _matcher = HeaderMatcher.Default;

    [Theory]
    [InlineData("student_id", ColumnRole.StudentId)]
    [InlineData("Candidate Number", ColumnRole.StudentId)]
    [InlineData("UPN", ColumnRole.StudentId)]
    [InlineData("Matricule", ColumnRole.StudentId)]
    [InlineData("رقم الطالب", ColumnRole.StudentId)]
    [InlineData("Établissement", ColumnRole.School)]
    [InlineData("المدرسة", ColumnRole.School)]
    [InlineData("Governorate", ColumnRole.Region)]
    [InlineData("المحافظة", ColumnRole.Region)]
    [InlineData("Year Group", ColumnRole.GradeLevel)]
    [InlineData("الصف", ColumnRole.GradeLevel)]
    [InlineData("Sexe", ColumnRole.Gender)]
    [InlineData("الجنس", ColumnRole.Gender)]
    [InlineData("Matière", ColumnRole.Subject)]
    [InlineData("exam_series", ColumnRole.Series)]
    [InlineData("الدورة", ColumnRole.Series)]
    [InlineData("Compétence", ColumnRole.Domain)]
    [InlineData("Résultat", ColumnRole.Score)]
    [InlineData("العلامة", ColumnRole.Score)]
    [InlineData("Minimum Expected Grade", ColumnRole.Baseline)]
    [InlineData("FFT", ColumnRole.Baseline)]
    [InlineData("Max score", ColumnRole.MaxScore)]
    [InlineData("Exam date", ColumnRole.Date)]
    [InlineData("year", ColumnRole.Year)]
    [InlineData("avg_score", ColumnRole.AreaScore)]
    [InlineData("Mean Scale Score", ColumnRole.AreaScore)]
    [InlineData("fips", ColumnRole.AreaCode)]
    public void Synonyms_in_three_languages_name_their_role(string header, ColumnRole role)
    {
        var match = _matcher.Match(header);
        Assert.NotNull(match);
        Assert.Equal(role, match.Role);
        Assert.Equal("synonym", match.MatchedBy);
    }

    [Theory]
    [InlineData("zip_code", "zip")]
    [InlineData("Postcode", "zip")]
    [InlineData("county", "county")]
    [InlineData("STATE", "state")]
    public void Area_headers_carry_their_level(string header, string level)
    {
        var match = _matcher.Match(header);
        Assert.Equal(ColumnRole.Area, match?.Role);
        Assert.Equal(level, match?.AreaLevel);
    }

    [Theory]
    [InlineData("county_id", "county")]
    [InlineData("STATE_ID", "state")]
    public void Area_id_headers_are_area_codes_with_their_level(string header, string level)
    {
        var match = _matcher.Match(header);
        Assert.Equal(ColumnRole.AreaCode, match?.Role);
        Assert.Equal(level, match?.AreaLevel);
    }

    [Fact]
    public void A_one_letter_typo_in_a_five_letter_header_is_a_fuzzy_match()
    {
        var match = _matcher.Match("Gendr");
        Assert.Equal(ColumnRole.Gender, match?.Role);
        Assert.Equal(1, match?.Distance);
        Assert.Equal("fuzzy (distance 1)", match?.MatchedBy);
    }

    [Fact]
    public void Two_typos_in_a_nine_letter_header_are_a_fuzzy_match()
    {
        var match = _matcher.Match("Goverorat");
        Assert.Equal(ColumnRole.Region, match?.Role);
        Assert.Equal("fuzzy (distance 2)", match?.MatchedBy);
    }

    [Fact]
    public void Two_typos_in_a_short_header_are_no_match() =>
        Assert.Null(_matcher.Match("Gndr"));

    [Theory]
    [InlineData("famsize")]
    [InlineData("reason")]
    [InlineData("studytime")]
    [InlineData("lunch")]
    public void Unrelated_headers_match_nothing(string header) =>
        Assert.Null(_matcher.Match(header));

    [Theory]
    [InlineData("Maths", "Mathematics")]
    [InlineData("Mathématiques", "Mathematics")]
    [InlineData("رياضيات", "Mathematics")]
    [InlineData("الرياضيات", "Mathematics")]
    [InlineData("Lecture", "Reading")]
    [InlineData("كتابة", "Writing")]
    [InlineData("Anglais", "English")]
    [InlineData("Français", "French")]
    [InlineData("العربية", "Arabic")]
    [InlineData("Sciences", "Science")]
    public void Subject_spellings_name_the_canonical_subject(string text, string subject) =>
        Assert.Equal(subject, _matcher.MatchSubject(text));

    [Fact]
    public void The_built_in_tables_list_each_spelling_once() =>
        Assert.NotNull(new HeaderMatcher(HeaderSynonyms.Roles, HeaderSynonyms.Subjects));

    [Fact]
    public void A_spelling_listed_for_two_roles_is_refused()
    {
        HeaderSynonym[] roles =
        [
            new(ColumnRole.Score, null, ["note"]),
            new(ColumnRole.Attribute, null, ["Note"]),
        ];
        var error = Assert.Throws<ArgumentException>(() => new HeaderMatcher(roles, []));
        Assert.Contains("\"Note\"", error.Message);
    }
}
