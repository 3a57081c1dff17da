namespace GradeLens.Core.Hostile;

/// <summary>How the probe imports: as the command line does (the store's own instance) or as a server does, and whether bad rows are skipped.</summary>
/// <param name="SkipBadRows">Import with <c>--skip-bad-rows</c>: the good rows of a partly bad file go in, so only what the kind allows may.</param>
/// <param name="Exclusive">Stage in the store's own instance, as <c>gradelens import</c> does on a DuckDB file.</param>
public sealed record HostileProbeOptions(bool SkipBadRows = false, bool Exclusive = false);

/// <summary>One defect the probe saw.</summary>
/// <param name="Problem">"crash", "stack trace", "accepted garbage", "store change", "leak", "undo mismatch".</param>
public sealed record HostileFinding(string Kind, string Problem, string Detail)
{
    public override string ToString() => $"{Kind}: {Problem}: {Detail}";
}

/// <summary>What one import of one hostile file did.</summary>
/// <param name="Outcome">Refused, RowsRejected or Imported (<see cref="HostileOutcomes.None"/> when it crashed).</param>
/// <param name="Seconds">How long the import took.</param>
public sealed record HostileAttempt(string Kind, HostileOutcomes Outcome, bool Expected, string Message, double Seconds);

/// <summary>
/// The probe's counts (issue 18.13): files tried and, for each class of defect, how many files showed it. A crash is an
/// exception out of the import; a stack trace an exception's text in what the user reads; accepted garbage a file
/// imported that its kind says must not be; a store change a refused import that changed the store; a leak a file left
/// behind (in the store's folder, its import folders, beside the file) or raw database text in a message. An undo
/// mismatch is an allowed import that, taken back, did not leave the data as it was. <see cref="Unexpected"/> counts
/// outcomes outside the kind's allowed set that are no defect of the five (refused whole where rows were expected).
/// </summary>
public sealed record HostileProbeReport(
    int FilesTried,
    int Crashes,
    int StackTraces,
    int AcceptedGarbage,
    int StoreChanges,
    int Leaks,
    int UndoMismatches,
    int Unexpected,
    IReadOnlyList<HostileFinding> Findings,
    IReadOnlyList<HostileAttempt> Attempts)
{
    public static HostileProbeReport Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, [], []);

    /// <summary>Every defect counted: zero is the goal.</summary>
    public int Defects => Crashes + StackTraces + AcceptedGarbage + StoreChanges + Leaks + UndoMismatches;

    /// <summary>Both reports' counts and lists.</summary>
    public HostileProbeReport Add(HostileProbeReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            FilesTried + other.FilesTried, Crashes + other.Crashes, StackTraces + other.StackTraces, AcceptedGarbage + other.AcceptedGarbage,
            StoreChanges + other.StoreChanges, Leaks + other.Leaks, UndoMismatches + other.UndoMismatches, Unexpected + other.Unexpected,
            [.. Findings, .. other.Findings], [.. Attempts, .. other.Attempts]);
    }
}
