using GradeLens.Core.Import.Mapping;
using static GradeLens.Core.Import.Staging.RelatedTables;

namespace GradeLens.Core.Import.Staging;

/// <summary>
/// What a table joined to the results holds: its students (an id, gender, school... columns) or its assessments (a
/// module or subject, a name or type, a date or order, a weight, a maximum), and the roles of its columns. An assessments
/// table without a name gets one per assessment: its type and rank by date within its module ("TMA 2"), else its id.
/// </summary>
internal sealed class RelatedRoles
{
    private static readonly string[] _studentWords = ["student", "pupil", "learner", "eleve", "candidate", "etudiant"];
    private static readonly string[] _subjectWords = ["module", "course", "subject", "unit", "matiere", "cours", "discipline"];
    private static readonly string[] _nameWords = ["name", "title", "nom", "libelle", "intitule", "label"];
    private static readonly string[] _typeWords = ["type", "kind", "category", "categorie"];
    private static readonly string[] _dateWords = ["date", "day", "jour", "due"];
    private static readonly string[] _weightWords = ["weight", "weighting", "coef", "coefficient", "poids"];
    private static readonly string[] _maxWords = ["max", "outof", "bareme", "total", "maximum"];

    private int? _name;
    private int? _type;
    private int? _date;
    private int? _id;
    private readonly List<int> _partition = [];

    private RelatedRoles()
    {
    }

    public Dictionary<int, ColumnMapping> Roles { get; } = [];

    public bool IsStudents { get; private set; }

    public string SeriesEvidence { get; private set; } = "";

    public static bool NamesStudent(string header) => _studentWords.Any(HeaderNormaliser.Normalise(header).Contains);

    public static RelatedRoles Of(StagedTable table, ImportMapping mapping, IReadOnlyList<int> joinColumns)
    {
        var roles = new RelatedRoles();
        var headers = table.Source.Headers;
        var keys = headers.Select(HeaderNormaliser.Normalise).ToList();
        roles.IsStudents = joinColumns.Any(j => NamesStudent(headers[j]) || mapping.Columns[j].Role == ColumnRole.StudentId)
            || mapping.Columns.Any(c => c.Role is ColumnRole.Gender or ColumnRole.School or ColumnRole.Region or ColumnRole.GradeLevel);
        if (roles.IsStudents)
        {
            return roles;
        }

        roles._id = joinColumns[0];
        for (var d = 0; d < headers.Count; d++)
        {
            if (joinColumns.Contains(d))
            {
                continue;
            }

            var key = keys[d];
            var role = mapping.Columns[d].Role;
            if (role == ColumnRole.Subject || _subjectWords.Any(key.Contains))
            {
                roles.Add(d, headers[d], ColumnRole.Subject, "the module or subject of each assessment");
                roles._partition.Add(d);
            }
            else if (role == ColumnRole.MaxScore || _maxWords.Any(key.Contains))
            {
                roles.Add(d, headers[d], ColumnRole.MaxScore, "each assessment's maximum score");
            }
            else if (_weightWords.Any(key.Contains))
            {
                roles.Add(d, headers[d], ColumnRole.Weight, "each assessment's weight");
            }
            else if (_nameWords.Any(key.Contains) || role == ColumnRole.Series)
            {
                roles._name ??= d;
                roles.Add(d, headers[d], ColumnRole.Series, "each assessment's name");
            }
            else if (_typeWords.Any(key.Contains))
            {
                roles._type ??= d;
                roles.Add(d, headers[d], ColumnRole.Ignore, "the assessment's type: part of its series name");
            }
            else if (role == ColumnRole.Date || _dateWords.Any(key.Contains))
            {
                roles._date ??= d;
                roles.Add(d, headers[d], ColumnRole.Ignore, "when each assessment was due: it orders the series");
            }
            else
            {
                // Other columns of an assessment (its presentation, a code) describe the assessment, not the student.
                roles.Add(d, headers[d], ColumnRole.Ignore, "describes the assessment, not the student");
                if (role == ColumnRole.Attribute)
                {
                    roles._partition.Add(d);
                }
            }
        }

        return roles;
    }

    /// <summary>SQL (over the table's rows, aliased) naming each assessment when the table has no name column; null when it has one.</summary>
    public string? SeriesSql(string alias)
    {
        _ = alias;
        if (IsStudents || _name is not null)
        {
            return null;
        }

        var id = $"NULLIF(trim({Sql.Column(_id!.Value)}), '')";
        if (_type is not { } type)
        {
            SeriesEvidence = "the assessment's id (the assessments table has no name or type)";
            return id;
        }

        var partition = string.Join(", ", _partition.Append(type).Select(p => $"NULLIF(trim({Sql.Column(p)}), '')"));
        var order = _date is { } date
            ? $"TRY_CAST(NULLIF(trim({Sql.Column(date)}), '') AS DOUBLE) NULLS LAST, TRY_CAST(NULLIF(trim({Sql.Column(date)}), '') AS DATE) NULLS LAST, "
            : "";
        SeriesEvidence = "the assessment's type and its rank" + (_date is null ? "" : " by date") + " within its module";
        return $"COALESCE(NULLIF(trim({Sql.Column(type)}), ''), 'Assessment') || ' ' || dense_rank() OVER (PARTITION BY {partition} ORDER BY {order}TRY_CAST({id} AS BIGINT) NULLS LAST, {id})::VARCHAR";
    }

    private void Add(int column, string header, ColumnRole role, string evidence) =>
        Roles[column] = new ColumnMapping { Header = header, Role = role, MatchedBy = "related tables", Confidence = Confidence.High, Evidence = evidence };
}
