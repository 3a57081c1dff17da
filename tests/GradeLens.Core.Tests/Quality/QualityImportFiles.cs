using GradeLens.Core.Quality;
using GradeLens.Core.Quality.Import;

namespace GradeLens.Core.Tests.Quality;

/// <summary>A temp folder of a university's files for one test, and the import run over them.</summary>
internal sealed class QualityImportFiles : IDisposable
{
    public const string Programmes = "programme_id,name,faculty\nP1,Physics,Science\nP2,History,Arts\n";
    public const string Modules = "module_id,programme,title,term\nM1,P1,Mechanics,2024-Fall\nM2,P2,Rome,2024-Fall\n";
    public const string Enrolments = "student_id,module_id\nS1,M1\nS2,M1\nS1,M2\n";
    public const string Assessments = "assessment_id,module_id,title,due_date,returned_date,weight\nA1,M1,Essay,2024-10-14,2024-10-30,40\nA2,M1,Exam,2024-12-09,,60\nA3,M2,Essay,2024-11-04,2024-11-20,100\n";
    public const string Grades = "student_id,assessment_id,submitted,mark\nS1,A1,2024-10-14,65\nS2,A1,2024-10-13,48\nS1,A2,,\nS2,A2,2024-12-09,71\nS1,A3,2024-11-01,55\n";

    public QualityImportFiles() => Directory = System.IO.Directory.CreateTempSubdirectory("gradelens-quality-import-").FullName;

    public string Directory { get; }

    public string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The five basic tables, each overridable.</summary>
    public void WriteBasic(string programmes = Programmes, string modules = Modules, string enrolments = Enrolments, string assessments = Assessments, string grades = Grades)
    {
        Write("programmes.csv", programmes);
        Write("modules.csv", modules);
        Write("enrolments.csv", enrolments);
        Write("assessments.csv", assessments);
        Write("grades.csv", grades);
    }

    public Task<QualityImportReport> ImportAsync(QualityTestStore store, DateOrder? order = null, string organisation = "uni", bool dryRun = false) =>
        QualityImport.ImportAsync(new QualityImportRequest([Directory], organisation, dryRun, order), store.Connection, store.Sql, default);

    /// <summary>Every quality table's rows, to compare a store before and after.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> TablesAsync(QualityTestStore store)
    {
        var tables = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var table in QualityTables.All)
        {
            tables[table.Name] = await store.RowsAsync(table.Name);
        }

        return tables;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
