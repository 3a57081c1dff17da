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
