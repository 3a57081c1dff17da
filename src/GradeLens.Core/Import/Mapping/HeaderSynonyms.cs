namespace GradeLens.Core.Import.Mapping;

/// <summary>One meaning a header can have, with its spellings (English, French, Arabic).</summary>
/// <param name="Role">The role a matching column takes.</param>
/// <param name="AreaLevel">For <see cref="ColumnRole.Area"/> and <see cref="ColumnRole.AreaCode"/>: state, county, zip...</param>
/// <param name="Spellings">Headers as people write them; compared after <see cref="HeaderNormaliser.Normalise"/>.</param>
public sealed record HeaderSynonym(ColumnRole Role, string? AreaLevel, IReadOnlyList<string> Spellings);

/// <summary>A canonical subject name and the ways a header or a value names it.</summary>
public sealed record SubjectSynonym(string Subject, IReadOnlyList<string> Spellings);

/// <summary>
/// The synonym tables behind <see cref="HeaderMatcher"/>. Add a spelling here, not in code.
/// A spelling may appear once only (after normalisation); a test checks it.
/// </summary>
public static class HeaderSynonyms
{
    public static IReadOnlyList<HeaderSynonym> Roles { get; } =
    [
        // ---- students ----
        Role(ColumnRole.StudentId,
            "student", "student id", "student number", "student no", "pupil", "pupil id", "upn", "candidate number",
            "candidate no", "candidate", "id", "learner id",
            "élève", "id élève", "numéro élève", "matricule", "numéro de matricule",
            "رقم الطالب", "الطالب", "رقم التلميذ", "التلميذ"),
        Role(ColumnRole.School,
            "school", "school name", "centre", "center", "établissement", "école", "lycée", "collège",
            "المدرسة", "اسم المدرسة"),
        Role(ColumnRole.Region,
            "region", "district", "governorate", "la", "local authority", "province",
            "région", "académie", "département", "wilaya",
            "المنطقة", "المحافظة", "الولاية", "القضاء"),
        Role(ColumnRole.GradeLevel,
            "grade", "grade level", "year group", "class level", "level", "year level",
            "niveau", "classe", "niveau scolaire",
            "الصف", "المستوى", "الصف الدراسي"),
        Role(ColumnRole.Gender,
            "gender", "sex", "genre", "sexe", "الجنس", "النوع"),
        Role(ColumnRole.Subject,
            "subject", "subject name", "course", "matière", "discipline", "المادة", "المادة الدراسية"),
        Role(ColumnRole.Series,
            "series", "exam series", "assessment", "assessment name", "session", "période", "periode", "term",
            "évaluation", "examen", "الدورة", "الامتحان"),
        Role(ColumnRole.Domain,
            "domain", "strand", "skill", "component", "domaine", "compétence", "المجال", "المهارة"),
        Role(ColumnRole.Score,
            "score", "mark", "result", "points", "raw score", "note", "résultat", "moyenne",
            "الدرجة", "العلامة", "النتيجة"),
        Role(ColumnRole.Baseline,
            "baseline", "yellis", "target", "target grade", "expected grade", "fft", "fft target", "meg",
            "minimum expected grade", "note attendue", "objectif", "الدرجة المتوقعة", "الهدف"),
        Role(ColumnRole.Date,
            "date", "exam date", "assessment date", "date de l'examen", "date de l'évaluation",
            "التاريخ", "تاريخ الامتحان"),
        Role(ColumnRole.MaxScore,
            "max score", "maximum score", "max mark", "maximum mark", "out of", "total marks", "max",
            "note maximale", "barème", "الدرجة القصوى", "الدرجة العظمى"),

        // ---- areas ----
        Area("state", "state", "state name", "us state", "état"),
        Area("county", "county", "county name", "comté"),
        Area("zip", "zip", "zip code", "zipcode", "postcode", "postal code", "code postal", "الرمز البريدي"),
        Code("county", "county id", "county code", "county fips"),
        Code("state", "state id", "state code", "state fips"),
        Code(null, "fips", "fips code", "area code", "area id"),
        Role(ColumnRole.Year,
            "year", "school year", "academic year", "année", "année scolaire", "السنة", "العام", "العام الدراسي"),
        Role(ColumnRole.AreaScore,
            "avg score", "average score", "mean score", "mean scale score", "average scale score", "avg scale score",
            "score moyen", "متوسط الدرجات"),
    ];

    public static IReadOnlyList<SubjectSynonym> Subjects { get; } =
    [
        Subject("Mathematics", "math", "maths", "mathematics", "mathématiques", "mathématique", "رياضيات", "الرياضيات"),
        Subject("Reading", "reading", "lecture", "قراءة", "القراءة"),
        Subject("Writing", "writing", "écriture", "كتابة", "الكتابة"),
        Subject("English", "english", "ela", "anglais", "الإنجليزية", "اللغة الإنجليزية", "إنجليزي"),
        Subject("French", "french", "français", "الفرنسية", "اللغة الفرنسية", "فرنسي"),
        Subject("Arabic", "arabic", "arabe", "العربية", "اللغة العربية", "عربي"),
        Subject("Science", "science", "sciences", "العلوم", "علوم"),
        // No Arabic spelling: التاريخ is also "date" and is listed there.
        Subject("History", "history", "histoire"),
        Subject("Geography", "geography", "géographie", "الجغرافيا"),
        Subject("Physics", "physics", "physique", "الفيزياء"),
        Subject("Chemistry", "chemistry", "chimie", "الكيمياء"),
        Subject("Biology", "biology", "biologie", "الأحياء"),
        Subject("Spanish", "spanish", "espagnol", "الإسبانية"),
        Subject("Portuguese", "portuguese", "portugais", "البرتغالية"),
    ];

    /// <summary>Words that, next to a subject or series in a wide header, still mean "a score" ("math score", "درجة الرياضيات").</summary>
    public static IReadOnlyList<string> ScoreWords { get; } =
    [
        "score", "scores", "mark", "marks", "result", "results", "points", "grade", "percent", "pct",
        "note", "notes", "résultat", "moyenne", "درجة", "الدرجة", "العلامة", "علامة", "النتيجة",
    ];

    /// <summary>Series names that hold expected grades rather than results (a long file's BASELINE rows).</summary>
    public static IReadOnlyList<string> BaselineSeriesNames { get; } =
    [
        "baseline", "yellis", "target", "target grade", "expected grade", "fft", "fft target", "meg",
        "minimum expected grade",
    ];

    private static HeaderSynonym Role(ColumnRole role, params string[] spellings) => new(role, null, spellings);

    private static HeaderSynonym Area(string level, params string[] spellings) => new(ColumnRole.Area, level, spellings);

    private static HeaderSynonym Code(string? level, params string[] spellings) => new(ColumnRole.AreaCode, level, spellings);

    private static SubjectSynonym Subject(string subject, params string[] spellings) => new(subject, spellings);
}
