using GradeLens.Core.Import.Mapping;
using static GradeLens.Core.Quality.Import.QualityValueKind;

namespace GradeLens.Core.Quality.Import;

/// <summary>
/// Every kind of table the Quality import recognises, with its columns' synonyms: English, the names of common
/// student-record systems (SITS: STU_CODE, MOD_CODE, PSL_CODE, MAB_PERC, SAS_ACTM; Banner: SPRIDEN_ID, CRN, TERM_CODE;
/// VLE exports: "ID number", "Graded at") and French. Headers are compared as <see cref="HeaderNormaliser"/> keys.
/// </summary>
public static class QualityTableKinds
{
    /// <summary>A group that only tells a kind of table from another (a visits table has a date, a service or a count); rows need not fill it.</summary>
    public const string RecognitionGroup = "what";

    private static readonly string[] Student =
    [
        "student id", "student", "student number", "student no", "student code", "student ref", "stu code", "spr code", "banner id", "spriden id",
        "learner id", "learner", "learner ref", "uln", "candidate number", "id number", "person id", "matriculation number", "matric",
        "numéro étudiant", "n° étudiant", "identifiant étudiant", "code étudiant", "étudiant", "ine", "apprenant",
    ];

    private static readonly string[] Module =
    [
        "module id", "module", "module code", "mod code", "module ref", "module instance", "unit code", "unit id", "unit", "crn",
        "code module", "code ue", "ue", "unité d'enseignement", "code élément pédagogique",
    ];

    private static readonly string[] ProgrammeRef =
    [
        "programme id", "programme", "programme code", "program id", "program", "program code", "prog code", "prg code", "route code", "route",
        "course code", "crs code", "course", "degree", "code formation", "formation", "filière", "diplôme", "parcours", "mention",
    ];

    private static readonly string[] Term =
    [
        "term", "semester", "period", "session", "teaching period", "academic period", "term code", "psl code", "period slot", "academic year",
        "ayr code", "year", "semestre", "période", "trimestre", "année universitaire", "année",
    ];

    private static readonly string[] Assessment =
    [
        "assessment id", "assessment", "assessment code", "assessment ref", "assignment id", "assignment", "component id", "component",
        "task id", "mab seq", "code évaluation", "évaluation", "épreuve", "code épreuve",
    ];

    private static readonly string[] DateWords = ["date", "date de visite", "visit date", "visited on", "appointment date", "date of visit"];

    public static QualityTableKind Programmes { get; } = new("programmes", QualityTables.Programmes, "a programme",
        Names("programmes", "programme", "programs", "program", "formations", "formation", "filieres", "diplomes", "parcours"),
        [
            Column("programme_id", Identifier, false, "programme", "a programme id", ProgrammeRef),
            Column("name", Text, false, "programme", "a name", "name", "programme name", "program name", "programme title", "title", "prg name", "libellé", "intitulé", "nom"),
            Column("faculty", Text, false, null, "a faculty", "faculty", "faculty name", "school", "college", "division", "department", "fac code", "dpt code",
                "faculté", "composante", "ufr", "école", "département"),
        ]);

    public static QualityTableKind Modules { get; } = new("modules", QualityTables.Modules, "a module",
        Names("modules", "module", "units", "unit", "moduleinstances", "ues", "unitesdenseignement", "elementspedagogiques"),
        [
            Column("module_id", Identifier, true, null, "a module id", Module),
            Column("programme_id", Identifier, true, null, "a programme", ProgrammeRef),
            Column("title", Text, false, null, "a title", "title", "module title", "module name", "name", "mod name", "mod title", "unit title", "unit name",
                "intitulé", "libellé", "titre", "nom"),
            Column("term", Identifier, true, null, "a term", Term),
        ]);

    public static QualityTableKind Enrolments { get; } = new("enrolments", QualityTables.Enrolments, "an enrolment",
        Names("enrolments", "enrollments", "enrolment", "enrollment", "registrations", "registration", "moduleregistrations", "inscriptions", "inscription"),
        [Column("student_id", Identifier, true, null, "a student", Student), Column("module_id", Identifier, true, null, "a module", Module)]);

    public static QualityTableKind Assessments { get; } = new("assessments", QualityTables.Assessments, "an assessment",
        Names("assessments", "assessment", "assignments", "assignment", "coursework", "components", "evaluations", "epreuves"),
        [
            Column("assessment_id", Identifier, true, null, "an assessment id", Assessment),
            Column("module_id", Identifier, true, null, "a module", Module),
            Column("title", Text, false, null, "a title", "title", "assessment title", "assessment name", "name", "type", "assessment type", "mab name",
                "component name", "intitulé", "libellé", "nom", "type d'épreuve"),
            Column("due_on", Date, true, null, "a due date", "due date", "due", "due on", "deadline", "submission deadline", "hand in date", "date due",
                "date limite", "date limite de rendu", "date de remise", "échéance"),
            Column("returned_on", Date, false, null, "a returned date", "returned date", "returned", "returned on", "return date", "feedback date",
                "feedback returned", "marked date", "graded at", "graded date", "marks released", "release date", "released", "date de retour",
                "date de correction", "date de restitution", "date retour"),
            Column("weight", Number, false, null, "a weight", "weight", "weighting", "weight pct", "weight percent", "percentage", "mab perc",
                "pondération", "coefficient", "coef", "poids"),
        ]);

    public static QualityTableKind Grades { get; } = new("grades", QualityTables.Grades, "a grade",
        Names("grades", "grade", "marks", "mark", "results", "moduleresults", "assessmentresults", "scores", "notes", "resultats"),
        [
            Column("student_id", Identifier, true, null, "a student", Student),
            Column("assessment_id", Identifier, true, null, "an assessment", Assessment),
            Column("mark", Number, true, null, "a mark", "mark", "marks", "score", "score pct", "score percent", "grade", "result", "percent", "actual mark",
                "agreed mark", "final mark", "sas actm", "sas agrm", "points", "note", "note finale", "résultat") with { MayBeEmpty = true },
            Column("submitted_on", Date, false, null, "a submission date", "submitted date", "submitted", "submitted on", "submitted at", "submission date",
                "date submitted", "hand in", "date de dépôt", "date de soumission", "date de rendu"),
        ]);

    public static QualityTableKind SurveyAnswers { get; } = new("survey answers", QualityTables.SurveyAnswers, "a survey answer",
        Names("surveys", "survey", "surveyanswers", "surveyresponses", "surveyresults", "questionnaires", "questionnaire", "enquetes", "enquete",
            "moduleevaluations", "moduleevaluation", "nss", "studentvoice", "satisfaction"),
        [
            Column("student_id", Identifier, false, null, "a student", Student),
            Column("module_id", Identifier, true, null, "a module", Module),
            Column("question", Text, false, "question", "a question", "question", "question text", "item", "statement", "question id", "libellé question"),
            Column("theme", Text, false, "question", "a theme", "theme", "qaa theme", "category", "section", "scale", "dimension", "thématique"),
            Column("score", WholeNumber, true, null, "a score", "score", "answer", "response", "rating", "value", "likert", "réponse", "note"),
        ]);

    public static QualityTableKind SurveySummaries { get; } = new("survey summaries", QualityTables.SurveySummaries, "a survey result",
        SurveyAnswers.FileNames,
        [
            Column("module_id", Identifier, true, null, "a module", Module),
            Column("theme", Text, true, null, "a theme", "theme", "qaa theme", "question", "category", "item", "section", "scale", "thème", "question text"),
            Column("mean_score", Number, true, null, "a mean score", "mean score", "mean", "mean score 1 5", "average score", "average", "avg score",
                "moyenne", "score moyen"),
            Column("responses", WholeNumber, true, null, "a number of responses", "responses", "response count", "number of responses", "respondents", "n",
                "count", "nb réponses", "réponses", "répondants"),
            Column("invited", WholeNumber, false, null, "a number invited", "invited", "number invited", "invited count", "population", "eligible",
                "target", "sample", "invités", "effectif"),
        ]);

    public static QualityTableKind SupportVisits { get; } = new("support visits", QualityTables.SupportVisits, "a support visit",
        Names("supportvisits", "supportusage", "support", "visits", "services", "wellbeing", "advising", "accompagnement", "tutorat", "visites"),
        [
            Column("student_id", Identifier, true, null, "a student", Student),
            Column("module_id", Identifier, false, "when", "a module", Module),
            Column("visited_on", Date, false, RecognitionGroup, "a date", DateWords),
            Column("term", Identifier, false, "when", "a term", Term),
            Column("service", Text, false, RecognitionGroup, "a service", "service", "support service", "service type", "team", "type", "reason"),
            Column("visits", WholeNumber, false, RecognitionGroup, "a number of visits", "visits", "visit count", "number of visits", "n visits", "count",
                "sessions", "appointments", "nb visites", "visites"),
        ]);

    public static QualityTableKind Complaints { get; } = new("complaints", QualityTables.Complaints, "a complaint",
        Names("complaints", "complaint", "reclamations", "plaintes"),
        [
            Column("complaint_id", Identifier, false, null, "a complaint id", "complaint id", "case id", "case number", "reference", "ref", "id"),
            Column("student_id", Identifier, false, null, "a student", Student),
            Column("category", Text, true, null, "a category", "category", "type", "complaint type", "nature", "catégorie", "motif"),
            Column("submitted_on", Date, true, null, "a submission date", "submitted date", "submitted", "received", "date received", "date", "date de dépôt"),
            Column("resolved_on", Date, false, null, "a resolution date", "resolved date", "resolved", "closed", "closed date", "date closed", "date de résolution"),
            Column("upheld", YesNo, false, null, "upheld or not", "upheld", "upheld flag", "outcome upheld", "fondé", "justifiée"),
        ]);

    public static QualityTableKind Placements { get; } = new("placements", QualityTables.Placements, "a placement",
        Names("placements", "placement", "internships", "internship", "workexperience", "stages"),
        [
            Column("student_id", Identifier, true, null, "a student", Student),
            Column("partner", Text, true, null, "a partner", "partner", "provider", "placement provider", "employer", "organisation", "site", "entreprise", "organisme"),
            Column("start_on", Date, false, null, "a start date", "start date", "start", "from", "date de début"),
            Column("end_on", Date, false, null, "an end date", "end date", "end", "to", "date de fin"),
            Column("outcome", Text, false, null, "an outcome", "outcome", "result", "status", "résultat"),
        ]);

    public static QualityTableKind Admissions { get; } = new("admissions", QualityTables.Admissions, "an application",
        Names("admissions", "admission", "applications", "applicants", "candidatures", "offers"),
        [
            Column("application_id", Identifier, false, "who", "an application id", "app id", "application id", "application", "applicant id", "numéro de candidature", "candidature"),
            Column("student_id", Identifier, false, "who", "a student", Student),
            Column("route", Text, false, null, "a route", "route", "entry route", "fee status", "domicile", "voie d'accès"),
            Column("offer_status", Text, true, null, "an offer status", "offer status", "offer", "decision", "status", "outcome", "décision"),
            Column("decided_on", Date, false, null, "a decision date", "decision date", "decided on", "date of decision", "date de décision"),
        ]);

    /// <summary>A students table: recognised by its name (when no other kind fits) and left out, since no KPI uses it.</summary>
    public static QualityTableKind Students { get; } = new("students", null, "a student", Names("students", "student", "etudiants", "learners"),
        [Column("student_id", Identifier, true, null, "a student", Student)]);

    /// <summary>Every kind that fills a quality table, in the order they are checked.</summary>
    public static IReadOnlyList<QualityTableKind> All { get; } =
        [Programmes, Modules, Enrolments, Assessments, Grades, SurveyAnswers, SurveySummaries, SupportVisits, Complaints, Placements, Admissions];

    private static string[] Names(params string[] names) => names;

    private static QualityColumnSpec Column(string column, QualityValueKind kind, bool required, string? group, string describe, params string[] synonyms) =>
        new(column, kind, required, group, describe, [.. synonyms.Select(HeaderNormaliser.Normalise).Distinct()]);
}
