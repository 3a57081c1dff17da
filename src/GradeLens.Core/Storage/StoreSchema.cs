namespace GradeLens.Core.Storage;

/// <summary>The store's schema and its version. A store of another version is refused, never migrated silently.</summary>
public static class StoreSchema
{
    public const int Version = 1;

    /// <summary>Data tables in the order <c>gradelens info</c> lists them (the import log is an audit trail, not data).</summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        "students", "student_attributes", "assessments", "results", "baselines",
        "areas", "area_measures", "area_scores",
        "he_programmes", "he_modules", "he_enrolments", "he_assessments", "he_grades", "he_surveys", "he_support_visits",
    ];

    public static string CreateSql { get; } = ReadResource("Schema.sql");

    private static string ReadResource(string name)
    {
        var assembly = typeof(StoreSchema).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
