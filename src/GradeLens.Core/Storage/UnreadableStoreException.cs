namespace GradeLens.Core.Storage;

/// <summary>The location holds something that is not a GradeLens store (or cannot be opened as one); it is left untouched.</summary>
public sealed class UnreadableStoreException(string message, Exception? inner) : Exception(message, inner);
