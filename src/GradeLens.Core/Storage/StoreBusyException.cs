namespace GradeLens.Core.Storage;

/// <summary>Another process (usually <c>gradelens serve</c>) owns the store file.</summary>
public sealed class StoreBusyException(string location, Exception inner)
    : Exception($"{location} is in use by another GradeLens process (probably 'gradelens serve'). Import through its Data page or POST /api/imports, or stop it and try again.", inner);
