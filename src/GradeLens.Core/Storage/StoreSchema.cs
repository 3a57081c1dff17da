using System.Data.Common;

namespace GradeLens.Core.Storage;

/// <summary>
/// The store's schema and its version. A new store gets <see cref="CreateSql"/>; an older one is brought to
/// <see cref="Version"/> by <see cref="Upgrades"/>, every step in one transaction when it is opened; any other version is
/// refused, never changed.
/// </summary>
public static class StoreSchema
{
    public const int Version = 5;

    /// <summary>
    /// The upgrade steps, oldest first: each takes a store from version <see cref="SchemaUpgrade.From"/> to the next with
    /// one SQL text for both stores, in a file beside Schema.sql (PostgreSQL gets it with its spelling of VARCHAR and DOUBLE).
    /// A new version adds its step at the end (<c>new(3, "Upgrade3To4.sql")</c>), bumps <see cref="Version"/> and changes
    /// Schema.sql or Accounts.sql to match, appending any new column at the end of its table.
    /// </summary>
    public static IReadOnlyList<SchemaUpgrade> Upgrades { get; } =
    [
        new(1, "Upgrade1To2.sql"),
        new(2, "Upgrade2To3.sql"),
        new(3, "Upgrade3To4.sql"),
        new(4, "Upgrade4To5.sql"),
    ];

    /// <summary>Data tables in the order <c>gradelens info</c> lists them (the import log is an audit trail, not data).</summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        "students", "student_attributes", "assessments", "results", "baselines",
        "areas", "area_measures", "area_scores",
        "he_programmes", "he_modules", "he_enrolments", "he_assessments", "he_grades", "he_survey_answers", "he_survey_summaries",
        "he_support_visits", "he_complaints", "he_placements", "he_admissions", "he_module_marks",
    ];

    /// <summary>
    /// Tables derived from the data tables for speed (the gaps' working rows: Gaps/GapScores.cs), rebuilt on demand:
    /// never backed up; a restore empties <see cref="DerivedStateTable"/> so they are rebuilt from the restored data.
    /// </summary>
    public static IReadOnlyList<string> DerivedTables { get; } = ["gap_units", "gap_scores", "gap_attributes", DerivedStateTable];

    /// <summary>What the derived tables were built from; empty means "build them again".</summary>
    public const string DerivedStateTable = "gap_scores_state";

    /// <summary>Tables that hold who may see the data and what they did; backed up with the data, never shown by <c>info</c> as data.</summary>
    public static IReadOnlyList<string> AccountTables { get; } =
        ["users", "user_scopes", "api_keys", "audit_log", "pseudonym_keys", "user_sessions", "sign_in_failures"];

    /// <summary>Every table of a new store: the data (Schema.sql), the university's quality tables (Quality/QualityTables.sql) and the accounts (Accounts.sql).</summary>
    public static string CreateSql { get; } = ReadResource("Schema.sql") + "\n" + ReadResource(QualityTablesFile) + "\n" + ReadResource("Accounts.sql");

    /// <summary>The Quality feature's tables, kept with its feature; an upgrade step includes it by a line <c>-- @include Quality/QualityTables.sql</c>.</summary>
    private const string QualityTablesFile = "Quality/QualityTables.sql";

    /// <summary>The steps from <paramref name="found"/> to <see cref="Version"/> in order; null when no chain of steps leads there.</summary>
    public static IReadOnlyList<SchemaUpgrade>? UpgradesFrom(int found)
    {
        var steps = Upgrades.SkipWhile(step => step.From != found).ToList();
        return found < Version && steps.Count == Version - found ? steps : null;
    }

    /// <summary>
    /// Runs the steps from <paramref name="found"/> on the caller's open transaction, each followed by its row in
    /// schema_info; the caller commits (or, on any failure, nothing changed).
    /// </summary>
    /// <param name="translate">The store's spelling of a step's SQL (identity for DuckDB).</param>
    internal static async Task UpgradeAsync(DbConnection connection, StoreSqlDialect sql, int found, Func<string, string> translate, CancellationToken cancellationToken)
    {
        var steps = UpgradesFrom(found) ?? throw new InvalidOperationException($"No upgrade from schema version {found}.");
        foreach (var step in steps)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = translate(step.Sql);
            await command.ExecuteNonQueryAsync(cancellationToken);
            await RecordVersionAsync(connection, sql, step.To, cancellationToken);
        }
    }

    /// <summary>Adds schema_info's row for <paramref name="version"/>, stamped now (UTC).</summary>
    internal static async Task RecordVersionAsync(DbConnection connection, StoreSqlDialect sql, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO schema_info VALUES ({sql.Parameter(command, "version", version)}, {sql.Parameter(command, "at", DateTime.UtcNow)})";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// An embedded SQL file: a bare name beside Schema.sql, or a path from Core's root ("Quality/QualityTables.sql"). A line
    /// <c>-- @include PATH</c> stands for that file's text (an upgrade step creating a feature's tables as they are now).
    /// </summary>
    internal static string ReadResource(string name)
    {
        var assembly = typeof(StoreSchema).Assembly;
        var wanted = "GradeLens.Core." + (name.Contains('/', StringComparison.Ordinal) ? name.Replace('/', '.') : "Storage." + name);
        var resource = assembly.GetManifestResourceNames().Single(n => n == wanted);
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n');
        return string.Join('\n', lines.Select(line => line.StartsWith(IncludeLine, StringComparison.Ordinal) ? ReadResource(line[IncludeLine.Length..].Trim()) : line));
    }

    private const string IncludeLine = "-- @include ";
}

/// <summary>One step of <see cref="StoreSchema.Upgrades"/>: the SQL that takes a store from <paramref name="From"/> to the next version.</summary>
/// <param name="File">The step's SQL file beside Schema.sql.</param>
public sealed record SchemaUpgrade(int From, string File)
{
    public int To => From + 1;

    /// <summary>The step's SQL as written (DuckDB's spelling).</summary>
    public string Sql => StoreSchema.ReadResource(File);
}
