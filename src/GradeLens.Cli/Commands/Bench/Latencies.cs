namespace GradeLens.Cli.Commands.Bench;

/// <summary>Request latencies of one endpoint (or of all), in milliseconds.</summary>
public sealed record Latencies(string Endpoint, int Requests, double P50Ms, double P95Ms, double MaxMs)
{
    public static Latencies Of(string endpoint, IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0
            ? new Latencies(endpoint, 0, 0, 0, 0)
            : new Latencies(endpoint, sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted[^1]);
    }

    /// <summary>Linear interpolation between order statistics (type 7), rounded to 0.1 ms.</summary>
    private static double Percentile(double[] sorted, double p)
    {
        var position = (sorted.Length - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return Math.Round(sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower)), 1);
    }
}

/// <summary>The figures a load benchmark reports: totals, percentiles overall and per endpoint, cold and warm.</summary>
public static class LoadFigures
{
    /// <param name="warm">Latencies under concurrent clients, with the "all" line.</param>
    /// <param name="cold">Latencies of each distinct request made once.</param>
    public static Dictionary<string, object> Of(IReadOnlyList<Latencies> warm, IReadOnlyList<Latencies> cold, int errors, double seconds, double? buildSeconds)
    {
        var all = warm.Single(l => l.Endpoint == "all");
        var figures = new Dictionary<string, object>
        {
            ["requests"] = all.Requests,
            ["errors"] = errors,
            ["requests_per_second"] = Math.Round(all.Requests / seconds, 1),
            ["p50_ms"] = all.P50Ms,
            ["p95_ms"] = all.P95Ms,
            ["max_ms"] = all.MaxMs,
            ["cold_max_ms"] = cold.Max(l => l.MaxMs),
            ["peak_mb"] = Math.Round(System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1e6),
        };
        if (buildSeconds is { } built)
        {
            figures["build_seconds"] = Math.Round(built, 1);
        }

        foreach (var endpoint in warm.Where(l => l.Endpoint != "all"))
        {
            figures[$"p95_ms_{endpoint.Endpoint}"] = endpoint.P95Ms;
        }

        foreach (var endpoint in cold)
        {
            figures[$"cold_p50_ms_{endpoint.Endpoint}"] = endpoint.P50Ms;
        }

        return figures;
    }

    /// <summary>One line per endpoint: requests, p50, p95 and max.</summary>
    public static void Print(IReadOnlyList<Latencies> latencies)
    {
        foreach (var l in latencies)
        {
            Spectre.Console.AnsiConsole.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"  {l.Endpoint,-10} {l.Requests,8:N0} requests  p50 {l.P50Ms,7:0.0} ms  p95 {l.P95Ms,7:0.0} ms  max {l.MaxMs,8:0.0} ms"));
        }
    }
}
