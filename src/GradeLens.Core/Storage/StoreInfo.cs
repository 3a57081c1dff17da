namespace GradeLens.Core.Storage;

/// <summary>A summary of what a store holds, as <c>gradelens info</c> and the Overview page show it.</summary>
/// <param name="TableCounts">Row count per table, in schema order.</param>
public sealed record StoreInfo(
    int SchemaVersion,
    string Location,
    IReadOnlyDictionary<string, long> TableCounts,
    long Students,
    long Schools,
    long Regions,
    IReadOnlyList<string> Subjects,
    IReadOnlyList<string> Series,
    IReadOnlyList<string> Organisations);
