namespace GradeLens.Core.Hostile;

/// <summary>
/// The fuzz corpus of issue 18.13: every kind of bad file the probe tries (headers, encodings, structure, numbers,
/// values, disguised files, workbooks), each written from a random seeded by the corpus seed and the kind's place, so a
/// seed always gives the same bytes and another seed the same kinds with other ids, scores and positions.
/// </summary>
public static class HostileCorpus
{
    public static IReadOnlyList<HostileFileKind> Kinds { get; } =
    [
        .. HeaderKinds.All(), .. EncodingKinds.All(), .. StructureKinds.All(), .. NumberKinds.All(),
        .. ValueKinds.All(), .. DisguisedKinds.All(), .. WorkbookKinds.All(),
    ];

    /// <summary>Writes one file of every kind (or of <paramref name="kinds"/>) into <paramref name="directory"/> (created if needed).</summary>
    public static IReadOnlyList<HostileFile> Write(string directory, int seed, IReadOnlyList<HostileFileKind>? kinds = null)
    {
        Directory.CreateDirectory(directory);
        kinds ??= Kinds;
        var files = new List<HostileFile>(kinds.Count);
        foreach (var kind in kinds)
        {
            var path = Path.Combine(directory, kind.FileName);
            File.WriteAllBytes(path, Bytes(kind, seed));
            files.Add(new HostileFile(kind, path));
        }

        return files;
    }

    /// <summary>The bytes of one kind for a seed.</summary>
    public static byte[] Bytes(HostileFileKind kind, int seed)
    {
        ArgumentNullException.ThrowIfNull(kind);
        // A stable seed per kind (string.GetHashCode is randomised per process): the kind's name folded with FNV-1a.
        var hash = 2166136261u;
        foreach (var ch in kind.Name)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return kind.Content(new Random(unchecked((int)hash ^ (seed * 7919))));
    }
}
