namespace GradeLens.Core.Storage;

/// <summary>The store was made by another version of GradeLens; it is left untouched.</summary>
public sealed class StoreVersionException(string location, int found, int expected)
    : Exception($"{location} holds a GradeLens store of schema version {found}, but this GradeLens reads version {expected}. The file was not changed; open it with the matching GradeLens version or import into a new store.")
{
    public int Found { get; } = found;
    public int Expected { get; } = expected;
}
