namespace GradeLens.Core.Hostile;

/// <summary>What an import of a hostile file may do: refuse it whole, refuse it naming its bad rows, or import it.</summary>
[Flags]
public enum HostileOutcomes
{
    None = 0,

    /// <summary>Not imported, with a sentence and no row listed (a file that is not a table, a header without data).</summary>
    Refused = 1,

    /// <summary>Not imported (or, skipping bad rows, imported without them), the bad rows listed where they are.</summary>
    RowsRejected = 2,

    /// <summary>Imported: the damage is one the import may repair and report (a BOM in every line, mixed line ends).</summary>
    Imported = 4,

    /// <summary>Refused, whole or by row: never imported.</summary>
    NotImported = Refused | RowsRejected,

    Any = Refused | RowsRejected | Imported,
}

/// <summary>
/// One kind of bad file of the fuzz corpus (<see cref="HostileCorpus"/>): its name (the file's name too), what is wrong
/// with it, what an import may do with it, and how to write one (from a seeded random, so a seed gives the same bytes).
/// </summary>
/// <param name="Name">Unique, lower case and dashes: "score-nan", "utf16le-without-bom".</param>
/// <param name="WhyBad">One sentence: what is wrong.</param>
/// <param name="Allowed">The outcomes that are not a defect; anything imported outside <see cref="HostileOutcomes.Imported"/> is accepted garbage.</param>
/// <param name="Extension">".csv", ".xlsx", ".txt"...</param>
/// <param name="Content">The file's bytes for a random.</param>
public sealed record HostileFileKind(string Name, string WhyBad, HostileOutcomes Allowed, string Extension, Func<Random, byte[]> Content)
{
    public string FileName => Name + Extension;
}

/// <summary>A kind written into a folder: the file to import.</summary>
public sealed record HostileFile(HostileFileKind Kind, string Path);
