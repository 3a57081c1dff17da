namespace GradeLens.Core.Storage;

/// <summary>The store's schema and its version. A store of another version is refused, never migrated silently.</summary>
public static class StoreSchema
{
    public const int Version = 2;

    /// <summary>The one earlier version a store is upgraded from, by adding <see cref="AccountsSql"/>'s empty tables (nothing else changes).</summary>
    public const int UpgradableVersion = 1;

    /// <summary>Data tables in the order <c>gradelens info</c> lists them (the import log is an audit trail, not data).</summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        "students", "student_attributes", "assessments", "results", "baselines",
        "areas", "area_measures", "area_scores",
        "he_programmes", "he_modules", "he_enrolments", "he_assessments", "he_grades", "he_surveys", "he_support_visits",
    ];

    /// <summary>
    /// Tables derived from the data tables for speed (the gaps' working rows: Gaps/GapScores.cs), rebuilt on demand:
    /// never backed up; a restore empties <see cref="DerivedStateTable"/> so they are rebuilt from the restored data.
    /// </summary>
    public static IReadOnlyList<string> DerivedTables { get; } = ["gap_units", "gap_scores", "gap_attributes", DerivedStateTable];

    /// <summary>What the derived tables were built from; empty means "build them again".</summary>
    public const string DerivedStateTable = "gap_scores_state";

    /// <summary>Tables that hold who may see the data and what they did; backed up with the data, never shown by <c>info</c> as data.</summary>
    public static IReadOnlyList<string> AccountTables { get; } = ["users", "user_scopes", "api_keys", "audit_log", "pseudonym_keys"];

    /// <summary>Every table of a new store: the data (Schema.sql) and the accounts (Accounts.sql).</summary>
    public static string CreateSql { get; } = ReadResource("Schema.sql") + "\n" + ReadResource("Accounts.sql");

    /// <summary>The tables version 2 added: users, their schools and classes, API keys, the audit log, pseudonym keys.</summary>
    public static string AccountsSql { get; } = ReadResource("Accounts.sql");

    private static string ReadResource(string name)
    {
        var assembly = typeof(StoreSchema).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n == "GradeLens.Core.Storage." + name);
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
