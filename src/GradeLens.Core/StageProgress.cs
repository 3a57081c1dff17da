namespace GradeLens.Core;

/// <summary>Progress of long work (an import, a backup or restore, a report): a stage name and the fraction done (0..1).</summary>
public sealed record StageProgress(string Stage, double Fraction);
