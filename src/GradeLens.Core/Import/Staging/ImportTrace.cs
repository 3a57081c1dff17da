using System.Diagnostics;

namespace GradeLens.Core.Import.Staging;

/// <summary>With GRADELENS_TRACE=1, prints the time each import step took to stderr (for tuning).</summary>
internal static class ImportTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("GRADELENS_TRACE") == "1";
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private static double _last;

    public static void Mark(string step)
    {
        if (!Enabled)
        {
            return;
        }

        var now = Clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"[trace] {step,-24} {now - _last,7:0.000} s  rss {Process.GetCurrentProcess().WorkingSet64 / 1e6,6:0} MB");
        _last = now;
    }
}
